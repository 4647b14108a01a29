//! The ticket lifecycle an agent drives by hand, free of I/O: which moves are allowed and
//! what each needs. Moves caused by dispatch and survey events follow
//! [`event_may_move`](super::event_may_move).
//!
//! ```text
//! new ──► triaged ──► resolved_remotely ──► closed
//!  │         │                                 ▲
//!  │         └──► needs_visit ──► in_service ──┼──► resolved ──► closed
//!  │                               ▲     │     │        │
//!  │                               └─ waiting_for_parts │
//!  └──► cancelled (from any open state)     reopened ◄──┴── (from resolved or closed)
//! ```
use aftercare_contracts::FieldError;
use aftercare_contracts::intake::{TicketStatus, TransitionTicket};
use aftercare_contracts::rpc::check_text;

use TicketStatus::*;

/// Why a move is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The move is not in the lifecycle (409 at the API).
    Illegal {
        /// From.
        from: TicketStatus,
        /// To.
        to: TicketStatus,
    },
    /// Fields the move needs are missing or wrong (422).
    Invalid(Vec<FieldError>),
}

/// The moves an agent may make from `from`.
pub fn manual_targets(from: TicketStatus) -> &'static [TicketStatus] {
    match from {
        New => &[Triaged, ResolvedRemotely, NeedsVisit, Cancelled],
        Triaged => &[ResolvedRemotely, NeedsVisit, Cancelled],
        NeedsVisit => &[Cancelled],
        InService => &[WaitingForParts],
        WaitingForParts => &[InService],
        ResolvedRemotely => &[Closed, Reopened],
        Resolved => &[Closed, Reopened],
        Closed => &[Reopened],
        Reopened => &[Triaged, ResolvedRemotely, NeedsVisit, Cancelled],
        Cancelled => &[],
    }
}

fn name(s: TicketStatus) -> String {
    serde_json::to_value(s)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Checks a manual move from `from`, with everything it needs.
pub fn check(from: TicketStatus, req: &TransitionTicket) -> Result<(), Refusal> {
    if !manual_targets(from).contains(&req.to) {
        return Err(Refusal::Illegal { from, to: req.to });
    }
    let mut e = Vec::new();
    check_text(&mut e, "reason", &req.reason, 0, 2000);
    if matches!(req.to, Cancelled | Reopened) && req.reason.trim().is_empty() {
        e.push(FieldError {
            field: "reason".into(),
            code: "required".into(),
            message: format!("say why the ticket is {}", name(req.to).replace('_', " ")),
        });
    }
    match (&req.resolution, req.to) {
        (None, ResolvedRemotely) => e.push(FieldError {
            field: "resolution".into(),
            code: "required".into(),
            message: "say how it was solved (the FAQ answer given)".into(),
        }),
        (Some(r), ResolvedRemotely) => check_text(&mut e, "resolution", r, 1, 4000),
        (Some(_), _) => e.push(FieldError {
            field: "resolution".into(),
            code: "not_allowed".into(),
            message: "a resolution is given only when resolving remotely".into(),
        }),
        (None, _) => {}
    }
    if e.is_empty() {
        Ok(())
    } else {
        Err(Refusal::Invalid(e))
    }
}

/// Whether a move is an agent acting on the ticket (it records the first response).
pub fn is_response(to: TicketStatus) -> bool {
    !matches!(to, Closed)
}

/// Whether reaching `to` resolves the ticket (for the resolution deadline).
pub fn resolves(to: TicketStatus) -> bool {
    matches!(to, ResolvedRemotely | Resolved)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [TicketStatus; 10] = [
        New,
        Triaged,
        ResolvedRemotely,
        NeedsVisit,
        InService,
        WaitingForParts,
        Resolved,
        Closed,
        Cancelled,
        Reopened,
    ];

    fn req(to: TicketStatus) -> TransitionTicket {
        TransitionTicket {
            ticket_id: "T1".into(),
            to,
            reason: "customer asked".into(),
            resolution: (to == ResolvedRemotely).then(|| "FAQ 12: reseat the drum".into()),
            faq_article_id: None,
            expected_version: 1,
        }
    }

    #[test]
    fn every_move_outside_the_lifecycle_is_refused() {
        let mut allowed = 0;
        for from in ALL {
            for to in ALL {
                let r = check(from, &req(to));
                if manual_targets(from).contains(&to) {
                    assert_eq!(r, Ok(()), "{from:?} → {to:?}");
                    allowed += 1;
                } else {
                    assert_eq!(r, Err(Refusal::Illegal { from, to }), "{from:?} → {to:?}");
                }
            }
        }
        assert_eq!(allowed, 19);
        assert!(manual_targets(Cancelled).is_empty(), "cancelled is final");
        assert!(
            !manual_targets(New).contains(&New),
            "no move to the same state"
        );
    }

    #[test]
    fn moves_name_what_they_need() {
        let mut r = req(Cancelled);
        r.reason = " ".into();
        assert!(matches!(check(New, &r), Err(Refusal::Invalid(e)) if e[0].field == "reason"));
        let mut r = req(ResolvedRemotely);
        r.resolution = None;
        assert!(
            matches!(check(Triaged, &r), Err(Refusal::Invalid(e)) if e[0].field == "resolution")
        );
        let mut r = req(Triaged);
        r.resolution = Some("x".into());
        assert!(matches!(check(New, &r), Err(Refusal::Invalid(e)) if e[0].code == "not_allowed"));
    }

    #[test]
    fn responses_and_resolutions() {
        assert!(is_response(Triaged) && !is_response(Closed));
        assert!(resolves(ResolvedRemotely) && resolves(Resolved) && !resolves(Closed));
    }
}
