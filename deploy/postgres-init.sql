-- A database and an owner per service and the gateway (identity), as in production.
create user intake password 'intake';       create database intake owner intake;
create user dispatch password 'dispatch';   create database dispatch owner dispatch;
create user inventory password 'inventory'; create database inventory owner inventory;
create user billing password 'billing';     create database billing owner billing;
create user survey password 'survey';       create database survey owner survey;
create user gateway password 'gateway';     create database gateway owner gateway;
create user notifier password 'notifier'; create database notifier owner notifier;
