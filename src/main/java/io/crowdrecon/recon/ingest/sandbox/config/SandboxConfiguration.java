package io.crowdrecon.recon.ingest.sandbox.config;

import io.crowdrecon.recon.platform.kafka.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.kafka.receiver.KafkaReceiver;
import reactor.kafka.receiver.ReceiverOptions;
import reactor.kafka.sender.KafkaSender;
import tools.jackson.databind.ObjectMapper;

/** Test mode: the simulated bank, when the sandbox is on and auto-confirmation is not switched off. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("recon.sandbox.enabled")
class SandboxConfiguration {

    @Bean
    @ConditionalOnBooleanProperty(name = "recon.sandbox.auto-confirm", matchIfMissing = true)
    SimulatedBank simulatedBank(
            KafkaProperties kafka,
            KafkaSender<String, byte[]> inboundSideSender,
            ObjectMapper json,
            Clock clock,
            @Value("${recon.sandbox.auto-confirm-delay:2s}") Duration delay) {
        Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "crowdrecon-sandbox-bank");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        ReceiverOptions<String, byte[]> options = ReceiverOptions.<String, byte[]>create(props)
                .subscription(List.of(Topics.PAYMENT_INSTRUCTIONS))
                .commitInterval(Duration.ofSeconds(1));
        return new SimulatedBank(KafkaReceiver.create(options), inboundSideSender, json, delay, clock);
    }
}
