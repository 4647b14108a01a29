-- An early end of a contract: when, why, by whom (the contract's ends_on is the new end).
alter table contract add column terminated text;
