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
//!
//! triaged, needs_visit, in_service ──► waiting_for_customer ──► back where it was,
//!                                          resolved_remotely or cancelled
//! ```
//!
//! The SLA clock stands still in `waiting_for_parts` and `waiting_for_customer`
//! ([`super::sla::pauses`]). A ticket waiting for the customer goes back to the state it
//! was in before ([`check_return`]), so a visit already requested is not requested again.
use aftercare_contracts::FieldError;
use aftercare_contracts::intake::limits;
use aftercare_contracts::intake::{TicketStatus, TransitionTicket};

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
        Triaged => &[ResolvedRemotely, NeedsVisit, WaitingForCustomer, Cancelled],
        NeedsVisit => &[WaitingForCustomer, Cancelled],
        InService => &[WaitingForParts, WaitingForCustomer],
        WaitingForParts => &[InService],
        WaitingForCustomer => &[Triaged, NeedsVisit, InService, ResolvedRemotely, Cancelled],
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
    limits::NOTE.check(&mut e, "reason", &req.reason);
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
        (Some(r), ResolvedRemotely) => limits::RESOLUTION.check(&mut e, "resolution", r),
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

/// States a ticket waiting for the customer may go back to: the one it was in.
const RETURNS: [TicketStatus; 3] = [Triaged, NeedsVisit, InService];

/// Checks a move out of `waiting_for_customer`, given the state the ticket was in before
/// (`None` when unknown): back to that state, or on to a remote resolution or a
/// cancellation.
pub fn check_return(before: Option<TicketStatus>, to: TicketStatus) -> Result<(), Refusal> {
    if RETURNS.contains(&to) && before.is_some_and(|b| b != to) {
        return Err(Refusal::Illegal {
            from: WaitingForCustomer,
            to,
        });
    }
    Ok(())
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

    const ALL: [TicketStatus; 11] = [
        New,
        Triaged,
        ResolvedRemotely,
        NeedsVisit,
        InService,
        WaitingForParts,
        WaitingForCustomer,
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
        assert_eq!(allowed, 27);
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
    fn a_ticket_waiting_for_the_customer_goes_back_where_it_was() {
        for from in [Triaged, NeedsVisit, InService] {
            assert!(
                manual_targets(from).contains(&WaitingForCustomer),
                "{from:?}"
            );
        }
        assert_eq!(check_return(Some(NeedsVisit), NeedsVisit), Ok(()));
        assert_eq!(
            check_return(Some(Triaged), InService),
            Err(Refusal::Illegal {
                from: WaitingForCustomer,
                to: InService
            })
        );
        assert_eq!(check_return(Some(InService), Cancelled), Ok(()));
        assert_eq!(check_return(Some(InService), ResolvedRemotely), Ok(()));
        assert_eq!(check_return(None, Triaged), Ok(()));
    }

    #[test]
    fn responses_and_resolutions() {
        assert!(is_response(Triaged) && !is_response(Closed));
        assert!(resolves(ResolvedRemotely) && resolves(Resolved) && !resolves(Closed));
    }
}
