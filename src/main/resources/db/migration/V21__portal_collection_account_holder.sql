-- Fabrick v4 compatibility (issue 24 item 5): the holder of a portal's collection account (a bank or an escrow
-- holder), named as creditor in the payment instructions shown to investors. Null means the portal's name, so existing
-- portals keep answering what they answered.
ALTER TABLE portal ADD COLUMN collection_account_holder text
    CONSTRAINT portal_collection_account_holder_length CHECK (char_length(collection_account_holder) BETWEEN 1 AND 70);
