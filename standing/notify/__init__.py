"""Notifications: an outbox written in the transaction of each event it reports, and a worker
that delivers it as email (SMTP, or .eml files) to the contacts of the affected parties and as
signed webhooks (Standard Webhooks) to the registered endpoints, at least once."""
