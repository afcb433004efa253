package io.crowdrecon.recon.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.bankfile.BankFileTransitions;
import io.crowdrecon.recon.campaign.CampaignTransitions;
import io.crowdrecon.recon.hold.HoldTransitions;
import io.crowdrecon.recon.order.OrderTransitions;
import io.crowdrecon.recon.payment.instruction.InstructionTransitions;
import io.crowdrecon.recon.payment.moneyout.MoneyoutTransitions;
import io.crowdrecon.recon.paymentfile.PaymentFileTransitions;
import io.crowdrecon.recon.review.ReviewTransitions;
import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.unidentified.UnidentifiedTransitions;
import io.crowdrecon.recon.webhook.DeliveryTransitions;
import io.crowdrecon.recon.webhook.EndpointTransitions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** docs/lifecycles.md shows each lifecycle's table exactly as the code has it. */
class LifecyclesDocTests {

    private static final Path DOC = Path.of("docs/lifecycles.md");

    static Stream<Arguments> lifecycles() {
        return Stream.of(
                Arguments.of("Order", OrderTransitions.rows()),
                Arguments.of("Campaign", CampaignTransitions.rows()),
                Arguments.of("Moneyout", MoneyoutTransitions.rows()),
                Arguments.of("Payment instruction", InstructionTransitions.rows()),
                Arguments.of("Unidentified transfer", UnidentifiedTransitions.rows()),
                Arguments.of("Review item", ReviewTransitions.rows()),
                Arguments.of("Compliance hold", HoldTransitions.rows()),
                Arguments.of("Bank file", BankFileTransitions.rows()),
                Arguments.of("Payment file", PaymentFileTransitions.rows()),
                Arguments.of("Webhook endpoint", EndpointTransitions.rows()),
                Arguments.of("Webhook delivery", DeliveryTransitions.rows()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lifecycles")
    void showsTheTableOfEachLifecycleAsTheCodeHasIt(String lifecycle, List<? extends Transition<?, ?>> rows)
            throws IOException {
        String table = table(rows);

        assertThat(Files.readString(DOC))
                .as("docs/lifecycles.md, section '## %s', should hold:%n%s", lifecycle, table)
                .contains("## " + lifecycle + "\n")
                .contains(table);
    }

    /** The rows as a Markdown table, in the table's order. */
    static String table(List<? extends Transition<?, ?>> rows) {
        StringBuilder out = new StringBuilder("| from | trigger | to |\n|---|---|---|\n");
        for (Transition<?, ?> row : rows) {
            String from = row.from().stream()
                    .map(status -> (Enum<?>) status)
                    .sorted()
                    .map(status -> "`" + status.name() + "`")
                    .collect(Collectors.joining(", "));
            out.append("| ")
                    .append(from)
                    .append(" | `")
                    .append(row.trigger().name())
                    .append("` | `")
                    .append(row.to().name())
                    .append("` |\n");
        }
        return out.toString();
    }
}
