//! Every gateway → service request, declared once: its request type, its subject, the
//! service that answers it and its reply type. The declaration writes the [`Request`]
//! impls (so an endpoint and its callers agree on the reply at compile time) and the
//! [`REQUESTS`] table the NATS permissions and the services' start-up check read.
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::subjects::{RequestSpec, Service};

/// A request type bound to the one subject it is sent on, the service that answers it and
/// the type of its reply, so neither the endpoint nor the caller names a subject or picks
/// a reply type by hand.
pub trait Request: Serialize + DeserializeOwned + Send + Sync + 'static {
    /// Full subject, `svc.<service>.<entity>.<verb>`.
    const SUBJECT: &'static str;
    /// The service that serves the request.
    const SERVICE: Service;
    /// What the service answers.
    type Reply: Serialize + DeserializeOwned + Send + Sync + 'static;

    /// The endpoint's name under its service's prefix (`ticket.open` for
    /// `svc.intake.ticket.open`), the name the NATS micro service registers.
    fn endpoint_name() -> &'static str {
        let prefix = Self::SERVICE.request_prefix();
        Self::SUBJECT
            .strip_prefix(prefix.as_str())
            .and_then(|rest| rest.strip_prefix('.'))
            .unwrap_or(Self::SUBJECT)
    }
}

/// Writes one [`Request`] impl per line and the [`REQUESTS`] table in the order declared
/// (the order of the generated NATS permissions).
macro_rules! requests {
    ($( $service:ident in $module:ident {
        $( $request:ident => $subject:literal -> $reply:ty; )*
    } )*) => {
        $(
            mod $module {
                #[allow(unused_imports)]
                use crate::rpc::{ByWorkOrder, Page, SettingVersion};
                use crate::$module::*;
                use crate::subjects::Service;
                $(
                    impl super::Request for $request {
                        const SUBJECT: &'static str = $subject;
                        const SERVICE: Service = Service::$service;
                        type Reply = $reply;
                    }
                )*
            }
        )*

        /// Every request subject the gateway may call, with the service that answers it.
        pub const REQUESTS: &[RequestSpec] = &[
            $( $( RequestSpec { subject: $subject, service: Service::$service }, )* )*
        ];
    };
}

requests! {
    Intake in intake {
        OpenTicket => "svc.intake.ticket.open" -> Ticket;
        GetTicket => "svc.intake.ticket.get" -> Ticket;
        GetTicketHistory => "svc.intake.ticket.history" -> Page<TicketHistoryEntry>;
        ListTickets => "svc.intake.ticket.list" -> Page<Ticket>;
        SendVerificationCode => "svc.intake.ticket.send_code" -> VerificationCodeSent;
        TransitionTicket => "svc.intake.ticket.transition" -> Ticket;
        SetPriority => "svc.intake.ticket.set_priority" -> Ticket;
        AssignOwner => "svc.intake.ticket.assign_owner" -> Ticket;
        InspectReturn => "svc.intake.ticket.inspect_return" -> Ticket;
        PromiseReply => "svc.intake.ticket.promise_reply" -> Ticket;
        RecordReply => "svc.intake.ticket.record_reply" -> Ticket;
        TicketReportRequest => "svc.intake.report.tickets" -> TicketReport;
        CreateFaqArticle => "svc.intake.faq.create" -> FaqArticle;
        FindFaqArticles => "svc.intake.faq.find" -> Page<FaqArticle>;
        GetFaqArticle => "svc.intake.faq.get" -> FaqArticle;
        GetNotificationTemplates => "svc.intake.notification_templates.get" -> NotificationTemplates;
        ReplaceNotificationTemplates => "svc.intake.notification_templates.replace" -> NotificationTemplates;
        GetSlaPolicy => "svc.intake.sla_policy.get" -> SlaPolicy;
        ReplaceSlaPolicy => "svc.intake.sla_policy.replace" -> SlaPolicy;
        GetPriorityRules => "svc.intake.priority_rules.get" -> PriorityRules;
        ReplacePriorityRules => "svc.intake.priority_rules.replace" -> PriorityRules;
        IntakeSettingHistory => "svc.intake.setting.history" -> Page<SettingVersion>;
        CreateCustomer => "svc.intake.customer.create" -> Customer;
        GetCustomer => "svc.intake.customer.get" -> Customer;
        FindCustomers => "svc.intake.customer.find" -> Page<Customer>;
        ListProductLines => "svc.intake.product_line.list" -> Page<ProductLine>;
        ProductLine => "svc.intake.product_line.save" -> ProductLine;
        RegisterMachine => "svc.intake.machine.register" -> Machine;
        ListMachines => "svc.intake.machine.list" -> Page<Machine>;
        RegisterWarrantyCard => "svc.intake.warranty.register" -> WarrantyCard;
        UpdateCustomer => "svc.intake.customer.update" -> Customer;
        MergeCustomers => "svc.intake.customer.merge" -> Customer;
        SetCustomerActive => "svc.intake.customer.set_active" -> Customer;
        GetCustomerHistory => "svc.intake.customer.history" -> Page<RecordChange>;
        GetMachine => "svc.intake.machine.get" -> Machine;
        UpdateMachine => "svc.intake.machine.update" -> Machine;
        GetMachineHistory => "svc.intake.machine.history" -> Page<RecordChange>;
        AddTicketNote => "svc.intake.ticket.add_note" -> TicketNote;
        ListTicketNotes => "svc.intake.ticket.notes" -> Page<TicketNote>;
    }
    Dispatch in dispatch {
        CreateTechnician => "svc.dispatch.technician.create" -> Technician;
        GetWorkOrder => "svc.dispatch.workorder.get" -> WorkOrder;
        GetWorkOrderHistory => "svc.dispatch.workorder.history" -> Page<WorkOrderHistoryEntry>;
        ListWorkOrders => "svc.dispatch.workorder.list" -> Page<WorkOrder>;
        CompleteWorkOrder => "svc.dispatch.workorder.complete" -> WorkOrder;
        GetDurationDefaults => "svc.dispatch.durations.get" -> DurationDefaults;
        ReplaceDurationDefaults => "svc.dispatch.durations.replace" -> DurationDefaults;
        GetFaultCodes => "svc.dispatch.fault_codes.get" -> FaultCodes;
        ReplaceFaultCodes => "svc.dispatch.fault_codes.replace" -> FaultCodes;
        DispatchSettingHistory => "svc.dispatch.setting.history" -> Page<SettingVersion>;
        RequestParts => "svc.dispatch.workorder.request_parts" -> WorkOrder;
        DispatchReportRequest => "svc.dispatch.report.visits" -> DispatchReport;
        CreateMaintenancePlan => "svc.dispatch.maintenance.create" -> MaintenancePlan;
        ListMaintenancePlans => "svc.dispatch.maintenance.list" -> Page<MaintenancePlan>;
        GetTechnician => "svc.dispatch.technician.get" -> Technician;
        ListTechnicians => "svc.dispatch.technician.list" -> Page<Technician>;
        UpdateTechnician => "svc.dispatch.technician.update" -> Technician;
        AddLeave => "svc.dispatch.technician.add_leave" -> Technician;
        AssignWorkOrder => "svc.dispatch.workorder.assign" -> WorkOrder;
        TransitionWorkOrder => "svc.dispatch.workorder.transition" -> WorkOrder;
        BookAppointment => "svc.dispatch.workorder.book" -> WorkOrder;
        PlanDay => "svc.dispatch.day_plan.publish" -> DayPlan;
        GetDayPlan => "svc.dispatch.day_plan.get" -> DayPlan;
        GetReportBackRegister => "svc.dispatch.register.get" -> ReportBackRegister;
        RecordDeparture => "svc.dispatch.register.depart" -> RegisterRow;
        RecordReportBack => "svc.dispatch.register.report_back" -> RegisterRow;
        ReceiveWorkshopJob => "svc.dispatch.workshop.receive" -> WorkshopJob;
        GetWorkshopJob => "svc.dispatch.workshop.get" -> WorkshopJob;
        ListWorkshopJobs => "svc.dispatch.workshop.list" -> Page<WorkshopJob>;
        DiagnoseWorkshopJob => "svc.dispatch.workshop.diagnose" -> WorkshopJob;
        AdvanceWorkshopJob => "svc.dispatch.workshop.advance" -> WorkshopJob;
        RepairWorkshopJob => "svc.dispatch.workshop.repair" -> WorkshopJob;
    }
    Inventory in inventory {
        CreatePart => "svc.inventory.part.create" -> Part;
        ReceiveStock => "svc.inventory.part.receive" -> Part;
        GetPart => "svc.inventory.part.get" -> Part;
        ListParts => "svc.inventory.part.list" -> Page<Part>;
        StockReportRequest => "svc.inventory.report.stock" -> StockReport;
        StartForecastPlan => "svc.inventory.forecast.start" -> ForecastPlan;
        GetForecastPlan => "svc.inventory.forecast.get" -> ForecastPlan;
        ListForecastPlans => "svc.inventory.forecast.list" -> Page<ForecastPlan>;
        ApproveForecastPlan => "svc.inventory.forecast.approve" -> ForecastPlan;
        StockRule => "svc.inventory.rule.save" -> StockRule;
        ListStockRules => "svc.inventory.rule.list" -> Page<StockRule>;
        CreatePurchaseRequest => "svc.inventory.purchase.create" -> PurchaseRequest;
        MovePurchaseRequest => "svc.inventory.purchase.transition" -> PurchaseRequest;
        ListPurchaseRequests => "svc.inventory.purchase.list" -> Page<PurchaseRequest>;
        GetPurchaseRequest => "svc.inventory.purchase.get" -> PurchaseRequest;
        UpdatePart => "svc.inventory.part.update" -> Part;
        CreateLocation => "svc.inventory.location.create" -> Location;
        ListLocations => "svc.inventory.location.list" -> Page<Location>;
        RecordMovement => "svc.inventory.movement.record" -> Part;
        ListMovements => "svc.inventory.movement.list" -> Page<StockMovement>;
        StartStocktake => "svc.inventory.stocktake.start" -> Stocktake;
        GetStocktake => "svc.inventory.stocktake.get" -> Stocktake;
        ListStocktakes => "svc.inventory.stocktake.list" -> Page<Stocktake>;
        DecideStocktake => "svc.inventory.stocktake.decide" -> Stocktake;
    }
    Billing in billing {
        GetInvoice => "svc.billing.invoice.get" -> Invoice;
        ListInvoices => "svc.billing.invoice.list" -> Page<Invoice>;
        RecordPayment => "svc.billing.payment.record" -> Payment;
        ListPayments => "svc.billing.payment.list" -> Page<Payment>;
        ReceivablesRequest => "svc.billing.report.receivables" -> ReceivablesReport;
        CreateContract => "svc.billing.contract.create" -> Contract;
        GetContract => "svc.billing.contract.get" -> Contract;
        ListContracts => "svc.billing.contract.list" -> Page<Contract>;
        TerminateContract => "svc.billing.contract.terminate" -> Contract;
        RecordIou => "svc.billing.invoice.iou" -> Invoice;
        PreviewCharge => "svc.billing.invoice.preview" -> ChargePreview;
        OfferQuotation => "svc.billing.quotation.offer" -> Quotation;
        AnswerQuotation => "svc.billing.quotation.answer" -> Quotation;
        GetQuotation => "svc.billing.quotation.get" -> Quotation;
        ListQuotations => "svc.billing.quotation.list" -> QuotationList;
        CreateCreditNote => "svc.billing.credit_note.create" -> CreditNote;
        ListCreditNotes => "svc.billing.credit_note.list" -> Page<CreditNote>;
        CreateFeeSchedule => "svc.billing.fee_schedule.create" -> FeeSchedule;
        ListFeeSchedules => "svc.billing.fee_schedule.list" -> Page<FeeSchedule>;
        GetPartPrices => "svc.billing.part_price.get" -> PartPrices;
        CashDayRequest => "svc.billing.cash.day" -> Page<CashDay>;
        ReconcileCash => "svc.billing.cash.reconcile" -> CashReconciliation;
        ApproveVariance => "svc.billing.cash.approve" -> CashReconciliation;
        ListRefunds => "svc.billing.refund.list" -> Page<Refund>;
        GetRefund => "svc.billing.refund.get" -> Refund;
        PayRefund => "svc.billing.refund.pay" -> Refund;
        RevenueRequest => "svc.billing.report.revenue" -> RevenueReport;
        ListClaims => "svc.billing.claim.list" -> Page<ManufacturerClaim>;
        GetClaim => "svc.billing.claim.get" -> ManufacturerClaim;
        SetClaimFields => "svc.billing.claim.fields" -> ManufacturerClaim;
        TransitionClaim => "svc.billing.claim.transition" -> ManufacturerClaim;
        ListClaimRequirements => "svc.billing.claim_requirements.list" -> Page<ClaimRequirements>;
        ClaimRequirements => "svc.billing.claim_requirements.save" -> ClaimRequirements;
        ClaimsReportRequest => "svc.billing.report.claims" -> Page<ClaimsOutstanding>;
        ListRenewals => "svc.billing.renewal.list" -> Page<Renewal>;
        GetRenewal => "svc.billing.renewal.get" -> Renewal;
        RecordRenewalOutcome => "svc.billing.renewal.outcome" -> Renewal;
        ContractsSignedRequest => "svc.billing.report.contracts_signed" -> ContractsSignedReport;
        GetCompanyProfile => "svc.billing.company_profile.get" -> CompanyProfile;
        ReplaceCompanyProfile => "svc.billing.company_profile.replace" -> CompanyProfile;
        BillingSettingHistory => "svc.billing.setting.history" -> Page<SettingVersion>;
    }
    Survey in survey {
        GetCallback => "svc.survey.callback.get" -> Callback;
        ListCallbacks => "svc.survey.callback.list" -> Page<Callback>;
        RecordCallback => "svc.survey.callback.record" -> Callback;
        IssueAnswerLink => "svc.survey.callback.issue_link" -> AnswerLink;
        GetAnswerForm => "svc.survey.form.get" -> AnswerForm;
        AnswerByLink => "svc.survey.form.answer" -> Callback;
        GetQuestionnaire => "svc.survey.questionnaire.get" -> Questionnaire;
        ReplaceQuestionnaire => "svc.survey.questionnaire.replace" -> Questionnaire;
        ListFollowUps => "svc.survey.followup.list" -> Page<FollowUp>;
        GetFollowUp => "svc.survey.followup.get" -> FollowUp;
        ResolveFollowUp => "svc.survey.followup.resolve" -> FollowUp;
        ScoreReportRequest => "svc.survey.report.scores" -> ScoreReport;
        CoverageRequest => "svc.survey.report.coverage" -> CoverageReport;
        SatisfactionRequest => "svc.survey.report.satisfaction" -> SatisfactionReport;
        AppraisalRequest => "svc.survey.report.appraisal" -> AppraisalReport;
        ListRankings => "svc.survey.ranking.list" -> Page<Ranking>;
        GetRanking => "svc.survey.ranking.get" -> Ranking;
        PublishRanking => "svc.survey.ranking.publish" -> Ranking;
        StartCampaign => "svc.survey.campaign.start" -> Campaign;
        ListCampaigns => "svc.survey.campaign.list" -> Page<Campaign>;
        ListQualityWarnings => "svc.survey.quality_warning.list" -> Page<QualityWarning>;
        GetQualityThresholds => "svc.survey.quality_thresholds.get" -> QualityThresholds;
        ReplaceQualityThresholds => "svc.survey.quality_thresholds.replace" -> QualityThresholds;
        ListCallTasks => "svc.survey.call_task.list" -> Page<CallTask>;
        GetCallTask => "svc.survey.call_task.get" -> CallTask;
        RecordCallAttempt => "svc.survey.call_task.attempt" -> CallTask;
        ReassignCallTask => "svc.survey.call_task.reassign" -> CallTask;
        CloseCallTask => "svc.survey.call_task.close" -> CallTask;
        GetCallAssignmentRules => "svc.survey.call_rules.get" -> CallAssignmentRules;
        ReplaceCallAssignmentRules => "svc.survey.call_rules.replace" -> CallAssignmentRules;
        ListReceivableChases => "svc.survey.receivable_chase.list" -> ReceivableChaseList;
        SurveySettingHistory => "svc.survey.setting.history" -> Page<SettingVersion>;
        ListDailyReports => "svc.survey.daily_report.list" -> Page<DailyReport>;
        GetDailyReport => "svc.survey.daily_report.get" -> DailyReport;
    }
    Notifier in notifier {
        ListSentMessages => "svc.notifier.message.list" -> Page<SentMessage>;
        GetSentMessage => "svc.notifier.message.get" -> SentMessage;
        GetNotificationChannels => "svc.notifier.channels.get" -> NotificationChannels;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_subject_is_under_its_services_prefix_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for r in REQUESTS {
            assert!(
                r.subject
                    .starts_with(&format!("{}.", r.service.request_prefix())),
                "{} is not under {}",
                r.subject,
                r.service.request_prefix()
            );
            assert!(seen.insert(r.subject), "{} is declared twice", r.subject);
        }
    }

    #[test]
    fn the_endpoint_name_is_the_subject_without_the_services_prefix() {
        assert_eq!(crate::intake::OpenTicket::endpoint_name(), "ticket.open");
        assert_eq!(
            crate::survey::GetQualityThresholds::endpoint_name(),
            "quality_thresholds.get"
        );
    }
}
