-- The provider's id for a message it accepted (an SMS or WeChat provider's answer), to
-- find the message in the provider's own delivery reports.
alter table notification add column provider_message_id text;
