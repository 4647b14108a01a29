//! Who may act: the roles people and integrations hold. The gateway authenticates a
//! caller and forwards the role to services in the `Aftercare-Role` header, so each
//! service records who did what; the permission matrix itself lives at the gateway.
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A role held by an account (one per account).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A customer following their own requests, machines and receipts.
    Customer,
    /// Service desk agent: registers and classifies requests (受理).
    Agent,
    /// Plans and assigns work orders (派工).
    Dispatcher,
    /// Field technician: sees and completes their own work orders.
    Technician,
    /// Keeps the parts ledger (配件).
    Warehouse,
    /// Issues receipts and records payments (收费).
    Finance,
    /// Calls customers back and records their ratings (回访).
    CallbackAgent,
    /// Reads every report and record of the service department.
    Manager,
    /// Administers accounts, tokens and operations.
    Admin,
}

impl Role {
    /// Every role, in the order the permission table lists them.
    pub const ALL: [Role; 9] = [
        Role::Customer,
        Role::Agent,
        Role::Dispatcher,
        Role::Technician,
        Role::Warehouse,
        Role::Finance,
        Role::CallbackAgent,
        Role::Manager,
        Role::Admin,
    ];

    /// The wire name, as in tokens and headers.
    pub fn name(self) -> &'static str {
        match self {
            Role::Customer => "customer",
            Role::Agent => "agent",
            Role::Dispatcher => "dispatcher",
            Role::Technician => "technician",
            Role::Warehouse => "warehouse",
            Role::Finance => "finance",
            Role::CallbackAgent => "callback_agent",
            Role::Manager => "manager",
            Role::Admin => "admin",
        }
    }

    /// Parses a wire name.
    pub fn parse(name: &str) -> Option<Role> {
        Self::ALL.into_iter().find(|r| r.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_serde() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.name()), Some(r));
            assert_eq!(
                serde_json::to_value(r).expect("json"),
                serde_json::Value::String(r.name().into())
            );
        }
        assert_eq!(Role::parse("root"), None);
    }
}
