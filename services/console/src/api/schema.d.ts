// Generated from src/api/openapi.json by scripts/generate-api.mjs; do not edit.
export interface paths {
    "/api/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List accounts, searched by login or display name and by role
         * @description Roles: admin.
         */
        get: operations["listAccounts"];
        put?: never;
        /**
         * Create an account with one role
         * @description Roles: admin.
         */
        post: operations["createAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One account
         * @description Roles: admin.
         */
        get: operations["getAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}/api-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The account's API tokens (never their secrets)
         * @description Roles: admin.
         */
        get: operations["listApiTokens"];
        put?: never;
        /**
         * Create an API token acting as the account (shown once)
         * @description Roles: admin.
         */
        post: operations["createApiToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}/api-tokens/{token_id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke one API token
         * @description Roles: admin.
         */
        post: operations["revokeApiToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable an account: its sessions end and its tokens are revoked
         * @description Roles: admin.
         */
        post: operations["disableAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give an account another role: its sessions end and its API tokens are revoked, the role applies from its next sign-in; not one's own, nor an account linked to a customer, a technician or the identity provider
         * @description Roles: admin.
         */
        post: operations["changeAccountRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/names": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The display names of up to 100 accounts, for every member of staff to name who did something; unknown ids are absent
         * @description Roles: agent, dispatcher, technician, warehouse, finance, callback_agent, manager, admin.
         */
        get: operations["listAccountNames"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/answer-form": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The questions behind an answer link (the token goes in the body, never in a URL)
         * @description Public.
         */
        post: operations["getAnswerForm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/answer-form/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer through a link; the link is used up
         * @description Public.
         */
        post: operations["answerByLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One attachment's record: owner, kind, type, size, SHA-256, who uploaded it and when, whether a visit report refers to it
         * @description Roles: customer, agent, dispatcher, technician, finance, callback_agent, manager, admin. Scope — as its owner: a work order's as listWorkOrderAttachments, a ticket's as listTicketAttachments. Also open to a ticket-code session for its ticket.
         */
        get: operations["getAttachment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An attachment's bytes, with its type, an inline Content-Disposition under the server's name, its SHA-256 as ETag (If-None-Match answers 304) and a private cache
         * @description Roles: customer, agent, dispatcher, technician, finance, callback_agent, manager, admin. Scope — as its owner: a work order's as listWorkOrderAttachments, a ticket's as listTicketAttachments. Also open to a ticket-code session for its ticket.
         */
        get: operations["getAttachmentContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Audit log, newest first: personal-data exports, account changes and replays, searched by who, what, which object and when
         * @description Roles: admin.
         */
        get: operations["listAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out: ends the caller's access tokens and revokes the refresh token given
         * @description Any signed-in caller. Also open to a ticket-code session for its ticket.
         */
        post: operations["signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for new tokens (the old one stops working)
         * @description Public.
         */
        post: operations["refreshToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with login and password; returns an access and a refresh token
         * @description Public.
         */
        post: operations["signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/business-calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A year of the business calendar: holidays and swapped working days (调休) with their names, working hours, and whether this and the next year's schedule are loaded
         * @description Roles: manager, admin.
         */
        get: operations["getBusinessCalendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/call-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The rules that assign new call tasks by kind, product line, brand and district (built in: the seeds' split between the callback specialist and the district agents)
         * @description Roles: agent, callback_agent, manager, admin.
         */
        get: operations["getCallAssignmentRules"];
        put?: never;
        /**
         * Save new assignment rules (If-Match: the current version); tasks already assigned keep their assignee
         * @description Roles: manager, admin.
         */
        post: operations["replaceCallAssignmentRules"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/call-rules/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The call assignment rules' stored versions, newest first, with who stored each and when
         * @description Roles: manager, admin.
         */
        get: operations["getCallAssignmentRulesHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/call-tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The outbound call queue: due now first (due today, time come), then overdue (an earlier day), then later, each by due time; closed tasks last. By assignee (a user id, `callback_specialist` or `district:<district>`), district, kind or state
         * @description Roles: agent, callback_agent, manager, admin.
         */
        get: operations["listCallTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/call-tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One call task with its attempts
         * @description Roles: agent, callback_agent, manager, admin.
         */
        get: operations["getCallTask"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/call-tasks/{id}/assignee": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give an open task to another person or queue
         * @description Roles: callback_agent, manager, admin.
         */
        post: operations["reassignCallTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/call-tasks/{id}/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a call: reached, busy with the time agreed (`next_try_at`, required), unreachable (tried again at `next_try_at`, default two working hours later) or refused
         * @description Roles: agent, callback_agent, manager, admin.
         */
        post: operations["recordCallTaskAttempt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/call-tasks/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close an open task with its result (a callback's task closes with its callback; a complaint answer needs the note, which resolves its follow-up)
         * @description Roles: agent, callback_agent, manager, admin.
         */
        post: operations["closeCallTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/callbacks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Callbacks by due time: the day's call list (`due=open`), a work order's, a campaign's, or by state
         * @description Roles: agent, callback_agent, manager, admin.
         */
        get: operations["listCallbacks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/callbacks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One callback with its attempts and answers
         * @description Roles: agent, callback_agent, manager, admin.
         */
        get: operations["getCallback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/callbacks/{id}/answer-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a single-use link for the customer to answer on the web (sent on their preferred channel); the token is shown once
         * @description Roles: callback_agent, manager, admin.
         */
        post: operations["issueAnswerLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/callbacks/{id}/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a call: completed with the answers (scored; a low rating or a comment opens a follow-up; a machine still down reopens the ticket), busy with the agreed time, unreachable (retried by the policy), or refused
         * @description Roles: callback_agent, manager, admin.
         */
        post: operations["recordCallbackAttempt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Satisfaction campaigns with their progress
         * @description Roles: agent, callback_agent, manager, admin.
         */
        get: operations["listCampaigns"];
        put?: never;
        /**
         * Start a quarter's satisfaction campaign: one callback per active customer
         * @description Roles: manager, admin.
         */
        post: operations["startCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cash-days": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A day's cash per technician: what each collected on site, visit by visit, and the count once made
         * @description Roles: finance, manager, admin.
         */
        get: operations["cashDay"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cash-reconciliations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the count of a technician's cash for a day (once): balanced, or a variance a manager must approve
         * @description Roles: finance, manager, admin.
         */
        post: operations["reconcileCash"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cash-reconciliations/{id}/approval": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A manager approves a cash variance; the day is settled
         * @description Roles: manager, admin.
         */
        post: operations["approveCashVariance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/claim-requirements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What each brand requires on a claim before it is submitted
         * @description Roles: finance, manager, admin.
         */
        get: operations["listClaimRequirements"];
        put?: never;
        /**
         * Set the fields a brand requires on its claims (replaces the brand's list)
         * @description Roles: finance, manager, admin.
         */
        post: operations["saveClaimRequirements"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Manufacturer claims (厂家索赔), newest first: one open draft per brand gathers the lines its warranty covers
         * @description Roles: finance, manager, admin.
         */
        get: operations["listClaims"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/claims/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One claim by id or number, with its lines and the removed parts that go back
         * @description Roles: finance, manager, admin.
         */
        get: operations["getClaim"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/claims/{id}/fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fill in a draft claim's brand fields (an empty value removes one)
         * @description Roles: finance, manager, admin.
         */
        post: operations["setClaimFields"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/claims/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a claim (with the brand's required fields), record the brand's approval or rejection, or its payment
         * @description Roles: finance, manager, admin.
         */
        post: operations["transitionClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/company-profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The company profile its receipts are headed with (names in Chinese and English, address, telephone, taxpayer number, bank and account, the receipt's footer), with who stored it and when; null until set
         * @description Roles: agent, finance, manager, admin.
         */
        get: operations["getCompanyProfile"];
        put?: never;
        /**
         * Replace the company profile for receipts printed from now (If-Match: its ETag, "0" while none is set)
         * @description Roles: admin.
         */
        post: operations["replaceCompanyProfile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/company-profile/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The company profile's stored versions, newest first, with who stored each and when (a version's items: the one profile)
         * @description Roles: manager, admin.
         */
        get: operations["getCompanyProfileHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Contracts, newest first
         * @description Roles: agent, finance, manager, admin.
         */
        get: operations["listContracts"];
        put?: never;
        /**
         * Record a signed annual maintenance contract (年保): machines, period, coverage, visit frequency, price; receipts then apply its coverage, dispatch plans its visits
         * @description Roles: agent, finance, manager, admin.
         */
        post: operations["createContract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contracts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One contract by id or number
         * @description Roles: agent, finance, manager, admin.
         */
        get: operations["getContract"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contracts/{id}/termination": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End a contract early (once): coverage stops after the new last day and dispatch plans no visit after it
         * @description Roles: finance, manager, admin.
         */
        post: operations["terminateContract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find customers by name prefix, any contact phone, or a machine's serial number
         * @description Roles: agent, dispatcher, finance, callback_agent, manager, admin.
         */
        get: operations["findCustomers"];
        put?: never;
        /**
         * Register a customer; a phone already on file answers 409 with that customer
         * @description Roles: agent, dispatcher, manager, admin.
         */
        post: operations["createCustomer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One customer by id or number (C2026-000042)
         * @description Roles: customer, agent, dispatcher, technician, callback_agent, manager, admin. Scope — customer: own record only; technician: customers of their open work orders; desk: phones and address masked unless revealed with a reason (audit-logged).
         */
        get: operations["getCustomer"];
        put?: never;
        /**
         * Change a customer's company, contacts and phones, address, tier, preferred channel, language or notes; each change is kept in its history; a phone of another customer answers 409 naming it
         * @description Roles: agent, dispatcher, manager, admin.
         */
        post: operations["updateCustomer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/active": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate a customer (no longer offered for new tickets; its records stay readable) or reactivate it, with the reason
         * @description Roles: agent, dispatcher, manager, admin.
         */
        post: operations["setCustomerActive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A customer's history, oldest first: who changed which field from what to what, deactivations and merges; phones and addresses masked
         * @description Roles: agent, dispatcher, callback_agent, manager, admin.
         */
        get: operations["getCustomerHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/machines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The customer's machines
         * @description Roles: customer, agent, dispatcher, technician, finance, callback_agent, manager, admin. Scope — customer: own machines only; technician: customers of their open work orders.
         */
        get: operations["listMachines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge a duplicate record into this one: its tickets, machines, warranty cards and contacts move here, it is marked merged into this one, both histories say so (If-Match: this record's ETag)
         * @description Roles: agent, dispatcher, manager, admin.
         */
        post: operations["mergeCustomers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/daily-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Daily reports (日报), newest day first: written at 18:00 company time on each working day with the day's prominent customer problems, callback sheet, work-order statistics and new customer contacts, and announced as survey.daily_report.published
         * @description Roles: manager, admin.
         */
        get: operations["listDailyReports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/daily-reports/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One working day's report (日报); 404 for a day without one (a weekend, a holiday, a day whose 18:00 has not come)
         * @description Roles: manager, admin.
         */
        get: operations["getDailyReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/day-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Plan a day: each technician's open work orders ordered into a route with planned arrivals, and publish it
         * @description Roles: dispatcher, manager, admin.
         */
        post: operations["publishDayPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/day-plans/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A published day plan
         * @description Roles: agent, dispatcher, technician, manager, admin. Scope — technician: own route only.
         */
        get: operations["getDayPlan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deadletters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Events a consumer gave up on, with the reason
         * @description Roles: admin.
         */
        get: operations["listDeadLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deadletters/{seq}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish a dead letter again on its subject and remove it from the list (audit-logged)
         * @description Roles: admin.
         */
        post: operations["replayDeadLetter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/duration-defaults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How long visits take by kind of work and model (new work orders and routes use them)
         * @description Roles: agent, dispatcher, manager, admin.
         */
        get: operations["getDurationDefaults"];
        put?: never;
        /**
         * Replace the duration rules (If-Match: the current version, "0" for the built-in figures)
         * @description Roles: dispatcher, manager, admin.
         */
        post: operations["replaceDurationDefaults"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/duration-defaults/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The duration defaults' stored versions, newest first, with who stored each and when
         * @description Roles: manager, admin.
         */
        get: operations["getDurationDefaultsHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/faq": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search the knowledge base by product line and words, most used first
         * @description Roles: agent, dispatcher, technician, callback_agent, manager, admin.
         */
        get: operations["findFaqArticles"];
        put?: never;
        /**
         * Add a knowledge-base article (常见问题) for a product line
         * @description Roles: agent, manager, admin.
         */
        post: operations["createFaqArticle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/faq/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One knowledge-base article
         * @description Roles: agent, dispatcher, technician, callback_agent, manager, admin.
         */
        get: operations["getFaqArticle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fault-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The company's fault list (故障代码): each code with its names in Chinese and English and whether a visit report may name it
         * @description Roles: technician, agent, dispatcher, manager, admin.
         */
        get: operations["getFaultCodes"];
        put?: never;
        /**
         * Replace the fault list (If-Match: the current version, "0" for the built-in list); a visit report naming a code not on it, or inactive, is refused
         * @description Roles: admin.
         */
        post: operations["replaceFaultCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fault-codes/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The fault list's stored versions, newest first, with who stored each and when
         * @description Roles: manager, admin.
         */
        get: operations["getFaultCodesHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fee-schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Fee schedule versions (统一收费标准), newest first
         * @description Roles: agent, finance, manager, admin.
         */
        get: operations["listFeeSchedules"];
        put?: never;
        /**
         * Publish a new fee schedule version from a day on (today or later, after the latest): call-out fees by district and kind, hourly or flat labour, key-account discount, tax, warranty terms, misuse faults, brand warranties
         * @description Roles: finance, manager, admin.
         */
        post: operations["createFeeSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/followups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow-ups of unhappy ratings and comments, oldest first
         * @description Roles: agent, callback_agent, manager, admin.
         */
        get: operations["listFollowUps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/followups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One follow-up
         * @description Roles: agent, callback_agent, manager, admin.
         */
        get: operations["getFollowUp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/followups/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record how the customer was answered
         * @description Roles: agent, callback_agent, manager, admin.
         */
        post: operations["resolveFollowUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forecast-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Forecast plans, newest first (drafts waiting for a manager with `status=draft`)
         * @description Roles: warehouse, finance, manager, admin.
         */
        get: operations["listForecastPlans"];
        put?: never;
        /**
         * Draft a forecast plan: next months' demand per part from its consumption (SES for smooth demand, SBA for intermittent), scaled by the installed base and the sales plan, each with its backtest (MASE, bias)
         * @description Roles: warehouse, manager, admin.
         */
        post: operations["startForecastPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forecast-plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One forecast plan with its assumptions
         * @description Roles: warehouse, finance, manager, admin.
         */
        get: operations["getForecastPlan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forecast-plans/{id}/approval": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a forecast plan: its purchases become purchase requests
         * @description Roles: manager, admin.
         */
        post: operations["approveForecastPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Receipts, newest number first: those of a work order, or searched by state, customer, number or name and day of issue, a page at a time
         * @description Roles: customer, agent, finance, manager, admin. Scope — customer: receipts of own tickets only, one work order at a time.
         */
        get: operations["listInvoices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One receipt
         * @description Roles: customer, agent, finance, manager, admin. Scope — customer: receipts of own tickets only.
         */
        get: operations["getInvoice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/credit-notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The credit notes of a receipt
         * @description Roles: agent, finance, manager, admin.
         */
        get: operations["listCreditNotes"];
        put?: never;
        /**
         * Correct a receipt by a credit note (receipts are never edited); at most what is still owed
         * @description Roles: finance, manager, admin.
         */
        post: operations["createCreditNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/iou": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the customer's IOU (欠条) for what a receipt still owes, with the promised day
         * @description Roles: agent, finance, manager, admin.
         */
        post: operations["recordIou"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The payments of a receipt, oldest first: method, amount, reference, who collected and who recorded it
         * @description Roles: agent, finance, manager, admin.
         */
        get: operations["listPayments"];
        put?: never;
        /**
         * Record a payment of a receipt (cash, bank transfer, WeChat Pay, Alipay; recorded, not processed); never more than is owed
         * @description Roles: agent, finance, manager, admin.
         */
        post: operations["recordPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every stock location
         * @description Roles: agent, dispatcher, technician, warehouse, finance, manager, admin.
         */
        get: operations["listLocations"];
        put?: never;
        /**
         * Register a stock location: a warehouse, a technician's van, the workshop
         * @description Roles: warehouse, manager, admin.
         */
        post: operations["createLocation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/machines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a machine at a customer; serial numbers are unique per brand
         * @description Roles: agent, dispatcher, manager, admin.
         */
        post: operations["registerMachine"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/machines/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One machine, with its version as the ETag
         * @description Roles: customer, agent, dispatcher, technician, callback_agent, manager, admin. Scope — customer: own machines only; technician: customers of their open work orders.
         */
        get: operations["getMachine"];
        put?: never;
        /**
         * Change where a machine stands, the contract on it or its notes; each change is kept in its history
         * @description Roles: agent, dispatcher, manager, admin.
         */
        post: operations["updateMachine"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/machines/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A machine's history, oldest first: who changed which field from what to what (moves to another customer on a merge included)
         * @description Roles: agent, dispatcher, callback_agent, manager, admin.
         */
        get: operations["getMachineHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/machines/{id}/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A machine's service history, newest first, a page of tickets at a time: each ticket about the machine with its work orders and what their visit reports said (technician, fault code, diagnosis, outcome, parts used, meter reading)
         * @description Roles: agent, dispatcher, technician, callback_agent, manager, admin. Scope — technician: machines of their own open work orders or of those they finished today, else 403.
         */
        get: operations["getMachineVisits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Maintenance plans (first visit after a warranty card, monthly cleaning, contracts) with the visits generated
         * @description Roles: agent, dispatcher, manager, admin.
         */
        get: operations["listMaintenancePlans"];
        put?: never;
        /**
         * Plan maintenance visits by hand (e.g. a contract's): every N months from a first day; visits become tickets a lead time ahead
         * @description Roles: dispatcher, manager, admin.
         */
        post: operations["createMaintenancePlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/map-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The map tile server the console draws positions on (AFTERCARE_MAP_TILE_URL; null: none)
         * @description Roles: agent, dispatcher, technician, manager, admin.
         */
        get: operations["getMapSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in caller: account, role and what it is linked to
         * @description Any signed-in caller. Also open to a ticket-code session for its ticket.
         */
        get: operations["whoAmI"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the caller's password; other sessions end, new tokens are returned
         * @description Any signed-in caller.
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's preferences: the language the web console opens in
         * @description Any signed-in caller.
         */
        get: operations["getPreferences"];
        put?: never;
        /**
         * Set the caller's preferences (the fields given; the others are kept)
         * @description Any signed-in caller.
         */
        post: operations["savePreferences"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The messages sent to customers (已发送消息), newest first, with their delivery status: pending, failed (retried at `next_attempt_at`), sent, dead_lettered (given up) or unsent (no channel configured: what would have been sent). One-time codes and answer-link tokens are masked in the text
         * @description Roles: agent, dispatcher, callback_agent, manager, admin. Scope — the address (phone, e-mail, WeChat id) masked.
         */
        get: operations["listMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One message as the customer receives it, with its delivery status, each sending attempt (when, how it ended, the provider's answer code and what it said), last error and next attempt
         * @description Roles: agent, dispatcher, callback_agent, manager, admin. Scope — the address masked unless revealed with a reason (audit-logged).
         */
        get: operations["getMessage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notification-channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The channels messages go out on; with none configured (trial mode) every message is kept unsent
         * @description Roles: agent, dispatcher, callback_agent, manager, admin.
         */
        get: operations["getNotificationChannels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notification-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The texts of customer notifications, per kind and language
         * @description Roles: agent, manager, admin.
         */
        get: operations["getNotificationTemplates"];
        put?: never;
        /**
         * Replace the notification texts (If-Match: the set's ETag, "0" while the built-in texts apply)
         * @description Roles: manager, admin.
         */
        post: operations["replaceNotificationTemplates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notification-templates/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The notification templates' stored versions, newest first, with who stored each and when
         * @description Roles: manager, admin.
         */
        get: operations["getNotificationTemplatesHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/part-prices/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A part's list price changes as billing keeps them: receipts charge the price in force when the visit finished
         * @description Roles: agent, finance, manager, admin.
         */
        get: operations["getPartPrices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/parts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search the parts catalogue by SKU, name or a model it fits, in SKU order, each part with its stock per location
         * @description Roles: agent, dispatcher, technician, warehouse, finance, manager, admin.
         */
        get: operations["listParts"];
        put?: never;
        /**
         * Add a part to the catalogue
         * @description Roles: warehouse, admin.
         */
        post: operations["createPart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/parts/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A part and its stock
         * @description Roles: agent, dispatcher, technician, warehouse, finance, manager, admin.
         */
        get: operations["getPart"];
        put?: never;
        /**
         * Change a part's catalogue entry (price, category, models, cost, failure-prone rating, page yield); a new price is announced for billing
         * @description Roles: warehouse, manager, admin.
         */
        post: operations["updatePart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/parts/{sku}/movements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A part's ledger, newest first: every movement with actor, time, reason and reference
         * @description Roles: warehouse, finance, manager, admin.
         */
        get: operations["listMovements"];
        put?: never;
        /**
         * Book a transfer (warehouse to van and back), a return (unused parts, or a removed part kept for the manufacturer's claim) or an adjustment; never below zero or below what is reserved
         * @description Roles: warehouse, admin.
         */
        post: operations["recordMovement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/parts/{sku}/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Book parts received into a stock location
         * @description Roles: warehouse, admin.
         */
        post: operations["receiveStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/parts/{sku}/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A part's reorder rules per location
         * @description Roles: warehouse, finance, manager, admin.
         */
        get: operations["listStockRules"];
        put?: never;
        /**
         * Set a part's reorder point and min/max at a location; the sweep drafts purchase requests from it
         * @description Roles: warehouse, manager, admin.
         */
        post: operations["saveStockRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/priority-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The rules that set a new ticket's priority, in the order they are tried
         * @description Roles: agent, dispatcher, manager, admin.
         */
        get: operations["getPriorityRules"];
        put?: never;
        /**
         * Replace the priority rules (If-Match: the set's ETag, "0" while the defaults apply)
         * @description Roles: manager, admin.
         */
        post: operations["replacePriorityRules"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/priority-rules/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The priority rules' stored versions, newest first, with who stored each and when
         * @description Roles: manager, admin.
         */
        get: operations["getPriorityRulesHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/product-lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Product lines with their warranty months and return window
         * @description Any signed-in caller.
         */
        get: operations["listProductLines"];
        put?: never;
        /**
         * Add a product line or change its warranty months and return window
         * @description Roles: manager, admin.
         */
        post: operations["saveProductLine"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/purchase-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Purchase requests (from reorder points, forecasts or by hand)
         * @description Roles: warehouse, finance, manager, admin.
         */
        get: operations["listPurchaseRequests"];
        put?: never;
        /**
         * Ask for a purchase by hand (a draft)
         * @description Roles: warehouse, manager, admin.
         */
        post: operations["createPurchaseRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/purchase-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One purchase request
         * @description Roles: warehouse, finance, manager, admin.
         */
        get: operations["getPurchaseRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/purchase-requests/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve (manager), order (with the supplier's reference), receive (books the receipt) or cancel
         * @description Roles: warehouse, manager, admin. Scope — approving: manager and admin only.
         */
        post: operations["movePurchaseRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quality-thresholds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many repeats in a month, quarter or year raise a quality warning
         * @description Roles: dispatcher, warehouse, manager, admin.
         */
        get: operations["getQualityThresholds"];
        put?: never;
        /**
         * Replace the quality warning thresholds (If-Match: the current version, "0" for the built-in ones)
         * @description Roles: manager, admin.
         */
        post: operations["replaceQualityThresholds"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quality-thresholds/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The quality warning thresholds' stored versions, newest first, with who stored each and when
         * @description Roles: manager, admin.
         */
        get: operations["getQualityThresholdsHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quality-warnings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Quality early warnings (a fault or part repeating on a model), newest first
         * @description Roles: dispatcher, warehouse, manager, admin.
         */
        get: operations["listQualityWarnings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/questionnaire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The callback questionnaire in force (questions, level scores, follow-up level)
         * @description Roles: agent, callback_agent, manager, admin.
         */
        get: operations["getQuestionnaire"];
        put?: never;
        /**
         * Save a new questionnaire version (If-Match: the current version); answers keep the version they were given against
         * @description Roles: manager, admin.
         */
        post: operations["replaceQuestionnaire"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/questionnaire/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The questionnaire's stored versions, newest first, with who stored each and when; each holds one entry: the questions, level scores and follow-up level
         * @description Roles: manager, admin.
         */
        get: operations["getQuestionnaireHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quotations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One quotation, its version as the ETag
         * @description Roles: agent, dispatcher, technician, finance, manager, admin. Scope — technician: quotations of own work orders only.
         */
        get: operations["getQuotation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quotations/{id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the customer's answer to a quotation, once (If-Match: the version read): accepted, the work goes ahead; refused, the visit ends and a receipt charges the call-out alone when the fee schedule says so, and the visit's report makes no other receipt
         * @description Roles: agent, dispatcher, technician. Scope — technician: quotations of own work orders only.
         */
        post: operations["answerQuotation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rankings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Published ranking snapshots, newest period first
         * @description Roles: agent, dispatcher, technician, callback_agent, manager, admin.
         */
        get: operations["listRankings"];
        put?: never;
        /**
         * Publish a closed period's ranking now; a period published before returns its snapshot unchanged
         * @description Roles: manager, admin.
         */
        post: operations["publishRanking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rankings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One ranking snapshot with its prominent problems
         * @description Roles: agent, dispatcher, technician, callback_agent, manager, admin.
         */
        get: operations["getRanking"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/receivable-chases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The weekly chase list of receivables (应收帐款每周跟进): the receipts billing chased in one week (Monday to Sunday; each receipt past 0-30 days is chased once a week on a working day while it owes money), one row a receipt, with the call task that chases it and its agent, by district, agent and number; only an agent's (the call's assignee) or a district's
         * @description Roles: agent, callback_agent, finance, manager, admin.
         */
        get: operations["listReceivableChases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Refunds of approved returns, due first
         * @description Roles: finance, manager, admin.
         */
        get: operations["listRefunds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/refunds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One refund, by id or by its return ticket's id
         * @description Roles: finance, manager, admin.
         */
        get: operations["getRefund"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/refunds/{id}/payment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that a refund was paid back (amount, method, reference); once
         * @description Roles: finance, manager, admin.
         */
        post: operations["payRefund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/renewals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Contracts and warranties coming to their end (续保), soonest first: listed two months ahead, followed up weekly from the 1st of the month before
         * @description Roles: agent, finance, manager, admin.
         */
        get: operations["listRenewals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/renewals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One renewal
         * @description Roles: agent, finance, manager, admin.
         */
        get: operations["getRenewal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/renewals/{id}/outcome": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the customer's answer: declined (with the reason), or renewed, which signs the next contract from the day after the old end
         * @description Roles: agent, finance, manager, admin.
         */
        post: operations["recordRenewalOutcome"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/report-back-register/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The report-back register (技术员复电登记表) of a local day: per active technician the time due to leave (08:50 on working days, or a later shift's start), when they left (first en_route step or their own record), late or not and by how many minutes, the day's visits reported back (visit report or recorded call) and not, and the calls recorded
         * @description Roles: agent, dispatcher, manager, admin.
         */
        get: operations["getReportBackRegister"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/appraisal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per-person figures for the appraisal: workload, quality, attitude and scores
         * @description Roles: manager, admin.
         */
        get: operations["appraisal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/appraisal.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per-person figures for the appraisal: workload, quality, attitude and scores
         * @description Roles: manager, admin.
         */
        get: operations["appraisalCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/callback-coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many of a period's visits were called back (target 100 %), and how many are open or overdue
         * @description Roles: dispatcher, callback_agent, manager, admin.
         */
        get: operations["callbackCoverage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/callback-coverage.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many of a period's visits were called back (target 100 %), and how many are open or overdue
         * @description Roles: dispatcher, callback_agent, manager, admin.
         */
        get: operations["callbackCoverageCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/callback-scores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Callback scores per technician, agent, team or district for callbacks answered in a period, ranked
         * @description Roles: dispatcher, callback_agent, manager, admin.
         */
        get: operations["callbackScores"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/callback-scores.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Callback scores per technician, agent, team or district for callbacks answered in a period, ranked
         * @description Roles: dispatcher, callback_agent, manager, admin.
         */
        get: operations["callbackScoresCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/claims-outstanding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Claims not yet settled, per brand: drafts, submitted and approved awaiting payment, with their value and the oldest
         * @description Roles: finance, manager, admin.
         */
        get: operations["claimsOutstanding"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/claims-outstanding.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Claims not yet settled, per brand: drafts, submitted and approved awaiting payment, with their value and the oldest
         * @description Roles: finance, manager, admin.
         */
        get: operations["claimsOutstandingCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/contracts-signed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The contracts recorded in a month (年保合同明细), renewals told apart from new ones
         * @description Roles: agent, finance, manager, admin.
         */
        get: operations["contractsSigned"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/contracts-signed.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The contracts recorded in a month (年保合同明细), renewals told apart from new ones
         * @description Roles: agent, finance, manager, admin.
         */
        get: operations["contractsSignedCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/receivables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Receivables ageing (应收帐款) on a day: every receipt with something owed, its age and bucket (0-30, 31-60, 61-90, over 90 days), totals per bucket
         * @description Roles: finance, manager, admin.
         */
        get: operations["receivables"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/receivables.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Receivables ageing (应收帐款) on a day: every receipt with something owed, its age and bucket (0-30, 31-60, 61-90, over 90 days), totals per bucket
         * @description Roles: finance, manager, admin.
         */
        get: operations["receivablesCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/revenue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Revenue of the receipts issued in a period by month, kind of visit, district or technician: at price, charged, credited, net, key-account discounts, and the cost of warranty, contract and manufacturer-claimable work
         * @description Roles: finance, manager, admin.
         */
        get: operations["revenue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/revenue.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Revenue of the receipts issued in a period by month, kind of visit, district or technician: at price, charged, credited, net, key-account discounts, and the cost of warranty, contract and manufacturer-claimable work
         * @description Roles: finance, manager, admin.
         */
        get: operations["revenueCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/satisfaction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Satisfaction index (0-100) and its trend by team or district
         * @description Roles: dispatcher, callback_agent, manager, admin.
         */
        get: operations["satisfactionIndex"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/satisfaction.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Satisfaction index (0-100) and its trend by team or district
         * @description Roles: dispatcher, callback_agent, manager, admin.
         */
        get: operations["satisfactionIndexCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stock valuation at cost, turnover and slow movers over a period, and the parts used per model and fault
         * @description Roles: warehouse, finance, manager, admin.
         */
        get: operations["stockReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/stock.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stock valuation at cost, turnover and slow movers over a period, and the parts used per model and fault
         * @description Roles: warehouse, finance, manager, admin.
         */
        get: operations["stockReportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * First-response and resolution times (working minutes), SLA compliance, repeat repairs and complaints for tickets opened in a period, grouped
         * @description Roles: dispatcher, manager, admin.
         */
        get: operations["ticketReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/tickets.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * First-response and resolution times (working minutes), SLA compliance, repeat repairs and complaints for tickets opened in a period, grouped
         * @description Roles: dispatcher, manager, admin.
         */
        get: operations["ticketReportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Field service figures for visits reported in a period, per technician or district: first-time fix, return visits, on-time arrival, utilisation (service, travel, idle)
         * @description Roles: dispatcher, manager, admin.
         */
        get: operations["visitReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/visits.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Field service figures for visits reported in a period, per technician or district: first-time fix, return visits, on-time arrival, utilisation (service, travel, idle)
         * @description Roles: dispatcher, manager, admin.
         */
        get: operations["visitReportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/self-service/codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a one-time code to the phone on file of a ticket
         * @description Public.
         */
        post: operations["requestTicketCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/self-service/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange ticket number and code for a token that can follow that ticket
         * @description Public.
         */
        post: operations["redeemTicketCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sla-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The SLA targets: working minutes to first response and resolution by priority, tier and type
         * @description Roles: agent, dispatcher, manager, admin.
         */
        get: operations["getSlaPolicy"];
        put?: never;
        /**
         * Replace the SLA targets for tickets opened or re-prioritised from now (If-Match: the set's ETag, "0" while the built-in targets apply)
         * @description Roles: manager, admin.
         */
        post: operations["replaceSlaPolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sla-policy/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The SLA targets' stored versions, newest first, with who stored each and when
         * @description Roles: manager, admin.
         */
        get: operations["getSlaPolicyHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stocktakes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stocktakes, newest first (those waiting for a manager with `status=pending_approval`)
         * @description Roles: warehouse, manager, admin.
         */
        get: operations["listStocktakes"];
        put?: never;
        /**
         * Record a stocktake (盘点) of a location: counted figures and their variances, waiting for a manager
         * @description Roles: warehouse, admin.
         */
        post: operations["startStocktake"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stocktakes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One stocktake
         * @description Roles: warehouse, manager, admin.
         */
        get: operations["getStocktake"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stocktakes/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a stocktake (its variances are booked) or reject it
         * @description Roles: manager, admin.
         */
        post: operations["decideStocktake"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Server-sent events: what changed, filtered to what the caller may see
         * @description Any signed-in caller. Scope — customer: own tickets; technician: own work orders; ticket code: that ticket; callback agent: callbacks; desk roles: everything. Also open to a ticket-code session for its ticket.
         */
        get: operations["streamUpdates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/technicians": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Technicians with skills, certificates, shift, leave
         * @description Roles: agent, dispatcher, warehouse, manager, admin.
         */
        get: operations["listTechnicians"];
        put?: never;
        /**
         * Register a technician with district, skills and daily capacity
         * @description Roles: dispatcher, manager, admin.
         */
        post: operations["createTechnician"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/technicians/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One technician
         * @description Roles: agent, dispatcher, technician, manager, admin. Scope — technician: own profile only.
         */
        get: operations["getTechnician"];
        put?: never;
        /**
         * Replace a technician's profile (skills, certificates, team, shift, start, van; active)
         * @description Roles: dispatcher, manager, admin.
         */
        post: operations["updateTechnician"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/technicians/{id}/departure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The technician has left for the day's first customer (an en_route step counts too), said by the technician or recorded by the desk when they phone in; a departure already known for the day is kept
         * @description Roles: agent, dispatcher, technician. Scope — technician: own departure only.
         */
        post: operations["recordDeparture"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/technicians/{id}/leave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record days a technician is away (assignment skips them)
         * @description Roles: dispatcher, manager, admin.
         */
        post: operations["addLeave"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/technicians/{id}/report-backs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a technician's call to the desk after a visit (复电), about one of their work orders or the day
         * @description Roles: agent, dispatcher.
         */
        post: operations["recordReportBack"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tickets, newest first; phones and addresses masked unless exported
         * @description Roles: customer, agent, dispatcher, callback_agent, manager, admin. Scope — customer: own tickets only.
         */
        get: operations["listTickets"];
        put?: never;
        /**
         * Register a customer request
         * @description Roles: customer, agent, dispatcher, manager, admin. Scope — customer: the ticket is filed under their own customer record.
         */
        post: operations["openTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One ticket by id or number
         * @description Roles: customer, agent, dispatcher, technician, callback_agent, manager, admin. Scope — customer: own; technician: tickets of their work orders; ticket code: that ticket; desk: phone and address masked unless revealed with a reason (audit-logged). Also open to a ticket-code session for its ticket.
         */
        get: operations["getTicket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A ticket's photos, oldest first
         * @description Roles: customer, agent, dispatcher, technician, callback_agent, manager, admin. Scope — as getTicket: customer: own; technician: tickets of their work orders; ticket code: that ticket. Also open to a ticket-code session for its ticket.
         */
        get: operations["listTicketAttachments"];
        put?: never;
        /**
         * Upload a photo of the fault to a ticket (the raw image bytes; JPEG, PNG or WebP checked by their first bytes; up to 10 MiB)
         * @description Roles: customer, agent, dispatcher, technician, manager, admin. Scope — customer: own tickets; technician: tickets of their work orders.
         */
        post: operations["uploadTicketAttachment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A ticket's history, oldest first: who, when, what changed (opened, moves with their reasons, priority overrides, owners, escalation)
         * @description Roles: customer, agent, dispatcher, technician, callback_agent, manager, admin. Scope — as getTicket: customer: own; technician: tickets of their work orders; ticket code: that ticket. Also open to a ticket-code session for its ticket.
         */
        get: operations["getTicketHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The messages sent to the customer about a ticket, newest first, with their delivery status
         * @description Roles: agent, dispatcher, callback_agent, manager, admin. Scope — the address masked.
         */
        get: operations["listTicketMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A ticket's notes, oldest first
         * @description Roles: customer, agent, dispatcher, technician, callback_agent, manager, admin. Scope — as getTicket; a customer and a ticket code see only the notes shown to the customer, the desk's author as `staff`. Also open to a ticket-code session for its ticket.
         */
        get: operations["listTicketNotes"];
        put?: never;
        /**
         * Add a note to a ticket, internal or shown to the customer; the ticket itself does not change
         * @description Roles: agent, dispatcher, manager, admin.
         */
        post: operations["addTicketNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/owner": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make an agent or manager responsible (for a complaint: who answers the customer)
         * @description Roles: agent, manager, admin.
         */
        post: operations["assignTicketOwner"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/priority": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Override the priority with a reason; the SLA deadlines are recomputed
         * @description Roles: agent, dispatcher, manager, admin.
         */
        post: operations["setTicketPriority"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/promised-reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Promise the customer a reply by a time (我会在X点前给您回复): warned at 80 % of the time, escalated when overdue, until the reply is recorded or the ticket closes; a new promise replaces the one outstanding
         * @description Roles: agent, dispatcher, manager, admin.
         */
        post: operations["promiseTicketReply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that the promised reply was given; the promise stops alerting
         * @description Roles: agent, dispatcher, manager, admin.
         */
        post: operations["recordTicketReply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/return-inspection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the inspection of a returned machine; an approved return is refunded by billing
         * @description Roles: agent, warehouse, manager, admin.
         */
        post: operations["inspectReturn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a ticket: triage, resolve on the phone, request a visit, wait for parts or for the customer (the SLA clock pauses), close, cancel, reopen
         * @description Roles: agent, dispatcher, manager, admin.
         */
        post: operations["moveTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/warranty-cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a warranty card (保修卡): creates or links customer and machine, schedules the welcome call and first maintenance
         * @description Roles: agent, manager, admin.
         */
        post: operations["registerWarrantyCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workorders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Work orders in creation order
         * @description Roles: agent, dispatcher, technician, manager, admin. Scope — technician: own work orders only.
         */
        get: operations["listWorkOrders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workorders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One work order
         * @description Roles: agent, dispatcher, technician, manager, admin. Scope — technician: own work orders only.
         */
        get: operations["getWorkOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workorders/{id}/appointment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Book the appointment window agreed with the customer, e.g. the return visit a technician agrees on site (a published day plan is re-planned for that technician)
         * @description Roles: agent, dispatcher, technician, manager, admin. Scope — technician: own work orders only.
         */
        post: operations["bookAppointment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workorders/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign or reassign by hand with a reason (hard rules apply, capacity may be exceeded); without a technician, choose automatically again
         * @description Roles: agent, dispatcher, manager, admin.
         */
        post: operations["assignWorkOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workorders/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A work order's photos and signature, oldest first
         * @description Roles: customer, agent, dispatcher, technician, finance, manager, admin. Scope — technician: own work orders; customer: the visits of own tickets.
         */
        get: operations["listWorkOrderAttachments"];
        put?: never;
        /**
         * Upload a photo or the customer's signature to a work order (the raw image bytes; JPEG, PNG or WebP checked by their first bytes; photos up to 10 MiB, signatures up to 200 KiB); the visit report then refers to it by id
         * @description Roles: technician, dispatcher, manager, admin. Scope — technician: own work orders only.
         */
        post: operations["uploadWorkOrderAttachment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workorders/{id}/charge-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * What the visit's receipt will charge, before the customer signs: the times, fault, parts and outcome entered so far priced by the rules the receipt is issued with (call-out, labour in started quarter hours, parts at list price, warranty, contract or the brand's warranty, key-account discount), each line with why it is covered or charged, and the total; nothing is stored
         * @description Roles: agent, dispatcher, technician, finance, manager, admin. Scope — technician: own work orders only.
         */
        post: operations["previewWorkOrderCharge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workorders/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The visit report: diagnosis, fault, work done, parts (with consent), meter, the signature and photos (attachments uploaded to this work order, by id), payment; a chargeable visit needs the customer's signature and, reported completed, the work order's quotation accepted (422 `quotation`: `required`, or `refused`); the outcome (completed, waiting for parts, workshop, could not fix) moves the work order
         * @description Roles: technician, dispatcher, admin. Scope — technician: own work orders only.
         */
        post: operations["completeWorkOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workorders/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A work order's history, oldest first: who, when, what changed (creation, assignments with the technician, progress, appointments, parts, the visit report)
         * @description Roles: agent, dispatcher, technician, manager, admin. Scope — technician: own work orders only.
         */
        get: operations["getWorkOrderHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workorders/{id}/parts-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask inventory for parts ahead of the visit (dispatch.parts.requested)
         * @description Roles: agent, dispatcher, technician, manager, admin. Scope — technician: own work orders only.
         */
        post: operations["requestParts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workorders/{id}/quotations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The quotations of a work order, newest first
         * @description Roles: agent, dispatcher, technician, finance, manager, admin. Scope — technician: own work orders only.
         */
        get: operations["listWorkOrderQuotations"];
        put?: never;
        /**
         * Offer the customer a quotation (报价) before chargeable work: the times, fault and parts entered so far priced as the completed visit's receipt would be (call-out, labour, parts from the price book), with what a refusal charges (the call-out when the fee schedule says so); 409 when the work charges nothing, another quotation waits for an answer or one was refused
         * @description Roles: agent, dispatcher, technician. Scope — technician: own work orders only.
         */
        post: operations["offerQuotation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workorders/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The technician's progress (accepted, en_route, on_site) or a cancellation with a reason
         * @description Roles: technician, dispatcher, manager, admin. Scope — technician: own work orders, not cancelling.
         */
        post: operations["moveWorkOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workshop-jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Workshop jobs, newest first
         * @description Roles: agent, dispatcher, technician, manager, admin.
         */
        get: operations["listWorkshopJobs"];
        put?: never;
        /**
         * Receive a machine at the workshop (内修/送修): brought in by a customer or sent in by a dealer (with the dealer, collected from them when pickup) for its ticket, whose number, customer, district and machine are read from it, or from a visit that could not fix it by its work order (a visit ending taken_to_workshop is received by its report); with what is wrong and the accessories received. The customer is told it was received
         * @description Roles: agent, dispatcher, technician, manager, admin.
         */
        post: operations["receiveWorkshopJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workshop-jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One workshop job with its history
         * @description Roles: agent, dispatcher, technician, manager, admin.
         */
        get: operations["getWorkshopJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workshop-jobs/{id}/diagnosis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The workshop technician's diagnosis: who repairs it, what is wrong, the fault code and the parts needed (received or diagnosed jobs)
         * @description Roles: technician, dispatcher, manager, admin. Scope — technician: diagnoses as themselves.
         */
        post: operations["diagnoseWorkshopJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workshop-jobs/{id}/repair": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The repair report of a diagnosed job: parts replaced (with the customer's consent), the repair's times and the result; the parts leave stock and the receipt is issued as for a visit (dispatch.workorder.completed), and the customer hears the work is done
         * @description Roles: technician, dispatcher, manager, admin.
         */
        post: operations["repairWorkshopJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workshop-jobs/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a job on: repairing, waiting_for_parts, could_not_repair (with why), ready_for_return (with how it goes back: picked_up, delivered, or shipped_to_dealer for a dealer's machine; the customer is told) or returned (with the waybill or who collected it); a step its state does not allow is 409
         * @description Roles: agent, dispatcher, technician, manager, admin.
         */
        post: operations["advanceWorkshopJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description An account as administrators see it. */
        Account: {
            /**
             * Format: date-time
             * @description Created.
             */
            created_at: string;
            /** @description Customer record, for customer accounts. */
            customer_id?: string | null;
            /** @description Disabled accounts cannot sign in and their tokens are refused. */
            disabled: boolean;
            /** @description Display name. */
            display_name: string;
            /** @description Whether it can sign in with a password. */
            has_password: boolean;
            /** @description Account id. */
            id: string;
            /** @description Login name. */
            login: string;
            /** @description The OIDC subject the account stands for, if linked. */
            oidc_subject?: string | null;
            /** @description Role. */
            role: string;
            /** @description Technician, for technician accounts. */
            technician_id?: string | null;
            /**
             * Format: int64
             * @description Optimistic-concurrency version, also the ETag.
             */
            version: number;
        };
        /** @description One account's display name, as every member of staff may read it. */
        AccountName: {
            /** @description Display name. */
            display_name: string;
            /** @description Account id. */
            id: string;
        };
        /** @description The display names of the accounts asked for that exist. */
        AccountNames: {
            /** @description One entry per known account asked for, in the order asked; unknown ids are absent. */
            names: components["schemas"]["AccountName"][];
        };
        /** @description Request: record leave (`svc.dispatch.technician.add_leave`). */
        AddLeave: {
            /**
             * Format: date
             * @description First day away.
             */
            from: string;
            /**
             * @description Why, up to 200 characters.
             * @default
             */
            reason: string;
            /** @description Technician id (from the path). */
            technician_id: string;
            /**
             * Format: date
             * @description Last day away.
             */
            to: string;
        };
        /** @description Request: add a note to a ticket (`svc.intake.ticket.add_note`). */
        AddTicketNote: {
            /** @description The note, 1–4000 characters. */
            text: string;
            /** @description Ticket id or number. */
            ticket_id: string;
            /** @description Who sees it. */
            visibility: components["schemas"]["NoteVisibility"];
        };
        /**
         * @description Request: move a job on (`svc.dispatch.workshop.advance`): start the repair, wait for
         *     parts, say it cannot be repaired, make it ready to go back (with how; the customer is
         *     told) or record it returned.
         */
        AdvanceWorkshopJob: {
            /**
             * Format: int64
             * @description The version seen (`If-Match`).
             */
            expected_version?: number | null;
            /** @description Job id or number. */
            job_id: string;
            /**
             * @description A note on the step (why it waits, why it cannot be repaired), up to 1000
             *     characters; required for `could_not_repair`.
             * @default
             */
            note: string;
            /**
             * @description The waybill, or who collected it or took delivery (`returned`), up to 1000
             *     characters; required when shipped back to the dealer.
             * @default
             */
            reference: string;
            /**
             * @description How it goes back; required for `ready_for_return`, `shipped_to_dealer` for dealer
             *     jobs only.
             */
            return_method?: components["schemas"]["ReturnMethod"] | null;
            /**
             * @description `repairing`, `waiting_for_parts`, `could_not_repair`, `ready_for_return` or
             *     `returned` (`repaired` is the repair report's, `received` and `diagnosed` their
             *     own requests').
             */
            to: components["schemas"]["WorkshopStatus"];
        };
        /** @description How long a receivable has been open. */
        AgeBucket: "days0_to30" | "days31_to60" | "days61_to90" | "over90";
        /** @description One answer to one question. */
        Answer: {
            /** @description The question's key. */
            key: string;
            /** @description For rating questions. */
            level?: components["schemas"]["Level"] | null;
            /** @description For text questions, up to 2,000 characters. */
            text?: string | null;
            /** @description For yes/no questions. */
            yes?: boolean | null;
        };
        /** @description Request: answer through a link (`svc.survey.form.answer`). */
        AnswerByLink: {
            /** @description The answers, up to 60. */
            answers: components["schemas"]["Answer"][];
            /** @description The link's token. */
            token: string;
        };
        /** @description Where an answer came from. */
        AnswerChannel: "phone" | "web";
        /** @description What a customer sees on the answer form: the visit and the questions, nothing personal. */
        AnswerForm: {
            /**
             * Format: date-time
             * @description When the link expires.
             */
            expires_at: string;
            /**
             * Format: int64
             * @description Questionnaire version answered against.
             */
            questionnaire_version: number;
            /** @description The questions. */
            questions: components["schemas"]["Question"][];
            /** @description Technician's name. */
            technician_name: string;
            /**
             * Format: date
             * @description The visit's date.
             */
            visit_date: string;
            /** @description Work order number of the visit. */
            work_order_number: string;
        };
        /** @description A single-use answer link; the token is shown once and stored only as a hash. */
        AnswerLink: {
            /**
             * Format: uuid
             * @description The callback.
             */
            callback_id: string;
            /**
             * Format: date-time
             * @description When it stops working.
             */
            expires_at: string;
            /** @description The token, to put in the link `/answer.html#<token>`. */
            token: string;
        };
        /** @description Request: record the customer's answer to a quotation (`svc.billing.quotation.answer`). */
        AnswerQuotation: {
            /** @description Accepted or refused. */
            answer: components["schemas"]["QuotationDecision"];
            /** @description Who answered for the customer, 1–100 characters. */
            answered_by: string;
            /**
             * Format: int64
             * @description The version read (`If-Match`).
             */
            expected_version: number;
            /**
             * @description What the customer said, up to 500 characters.
             * @default
             */
            note: string;
            /** @description The quotation's id (from the path). */
            quotation_id: string;
        };
        /** @description An API token as listed. */
        ApiToken: {
            /**
             * Format: date-time
             * @description Created.
             */
            created_at: string;
            /** @description Token id. */
            id: string;
            /** @description Name. */
            name: string;
            /**
             * Format: date-time
             * @description Revoked, if it was.
             */
            revoked_at?: string | null;
        };
        /** @description A created API token: the secret is shown this once. */
        ApiTokenCreated: {
            /**
             * Format: uuid
             * @description Token id (for revoking).
             */
            id: string;
            /** @description Name. */
            name: string;
            /** @description Send as `Authorization: Bearer <token>`. Not retrievable later. */
            token: string;
        };
        /** @description One person's appraisal figures. */
        AppraisalLine: {
            /**
             * Format: uint32
             * @description Mean attitude rating (thousandths), when rated.
             */
            attitude_milli?: number | null;
            /**
             * Format: uint32
             * @description Follow-ups raised about their work.
             */
            follow_ups: number;
            /** @description Technician id or agent account. */
            key: string;
            /** @description Display name. */
            name: string;
            /**
             * Format: uint32
             * @description Callbacks answered about them.
             */
            rated_callbacks: number;
            /**
             * Format: uint32
             * @description Quality: repeat repairs found by callbacks.
             */
            repeat_repairs: number;
            /** @description `technician` or `agent`. */
            role: string;
            /**
             * Format: uint32
             * @description Mean of all their ratings (thousandths), when rated.
             */
            score_milli?: number | null;
            /** @description Team (technicians). */
            team: string;
            /**
             * Format: uint32
             * @description Workload: visits done (technicians) or requests taken that were visited (agents).
             */
            workload: number;
        };
        /** @description The appraisal export. */
        AppraisalReport: {
            /**
             * Format: date
             * @description First local day.
             */
            from: string;
            /** @description Technicians then agents, by name. */
            lines: components["schemas"]["AppraisalLine"][];
            /**
             * Format: date
             * @description Last local day.
             */
            to: string;
        };
        /** @description Request: approve a forecast plan (`svc.inventory.forecast.approve`). */
        ApproveForecastPlan: {
            /**
             * Format: int64
             * @description The version being approved (from `If-Match`).
             */
            expected_version: number;
            /** @description Plan id (from the path). */
            plan_id: string;
        };
        /** @description Request: a manager approves a variance (`svc.billing.cash.approve`). */
        ApproveVariance: {
            /** @description Why it is accepted, 1–500 characters. */
            note: string;
            /** @description The reconciliation (from the path). */
            reconciliation_id: string;
        };
        /** @description Whom a rule gives its tasks to. */
        Assignee: {
            /** @constant */
            to: "callback_specialist";
        } | {
            /** @constant */
            to: "district_agent";
        } | {
            /** @constant */
            to: "user";
            /** @description The account's user id. */
            user: string;
        };
        /**
         * @description One assignment rule: every list given must contain the task's value (an empty list
         *     matches anything); the first rule that matches assigns the task.
         */
        AssignmentRule: {
            /** @description Whom the tasks go to. */
            assignee: components["schemas"]["Assignee"];
            /**
             * @description Brands (`Sharp`, `Panasonic`, …), compared without case.
             * @default []
             */
            brands: string[];
            /**
             * @description Districts, compared without case.
             * @default []
             */
            districts: string[];
            /**
             * @description The kinds of task it applies to.
             * @default []
             */
            kinds: components["schemas"]["CallTaskKind"][];
            /**
             * @description Product lines (`copier`, `fax`, …), compared without case.
             * @default []
             */
            product_lines: string[];
        };
        /**
         * @description Request: make an account responsible for a ticket (`svc.intake.ticket.assign_owner`);
         *     the gateway checks the account exists and may own tickets.
         */
        AssignOwner: {
            /**
             * Format: int64
             * @description The version the caller saw; a stale one is refused.
             */
            expected_version: number;
            /** @description Account id of the agent or manager. */
            owner: string;
            /** @description Ticket id or number. */
            ticket_id: string;
        };
        /**
         * @description Request: assign or reassign by hand (`svc.dispatch.workorder.assign`): a named
         *     technician (hard rules still apply, except capacity), or none to run automatic
         *     assignment again.
         */
        AssignWorkOrder: {
            /**
             * Format: int64
             * @description The version being changed (from `If-Match`).
             */
            expected_version: number;
            /** @description Why, 1–500 characters. */
            reason: string;
            /**
             * Format: uuid
             * @description The technician; absent: choose automatically.
             */
            technician_id?: string | null;
            /** @description Work order id or number (from the path). */
            work_order_id: string;
        };
        /** @description A file attached to a request, stored elsewhere and referenced here. */
        Attachment: {
            /** @description Media type, e.g. `image/jpeg`. */
            content_type: string;
            /** @description File name, 1–200 characters. */
            name: string;
            /**
             * Format: uint64
             * @description Size in bytes, at most 50 MiB.
             */
            size_bytes: number;
            /** @description Where it is stored (`https://…` or an object-store key), 1–2000 characters. */
            url: string;
        };
        /**
         * @description An attachment's record: what the file is and whose, never its bytes (those are at
         *     `content`).
         */
        Attachment2: {
            /** @description Where its bytes are read: `/api/v1/attachments/{id}/content`. */
            content: string;
            /** @description The type its bytes were recognised as. */
            content_type: components["schemas"]["ImageType"];
            /**
             * Format: uuid
             * @description UUIDv7; the file's name in the store is made from it, never from the client.
             */
            id: string;
            /** @description Photo or signature. */
            kind: components["schemas"]["AttachmentKind"];
            /** @description What it belongs to. */
            owner: components["schemas"]["AttachmentOwner"];
            /**
             * Format: uuid
             * @description The work order's or ticket's id.
             */
            owner_id: string;
            /**
             * @description Whether a filed visit report refers to it (kept for good). An upload to a work
             *     order that no filed report refers to is removed a day after it was stored once the
             *     report is filed without it or the work order is cancelled.
             */
            referenced: boolean;
            /** @description SHA-256 of the bytes, lower-case hex (also the content's `ETag`). */
            sha256: string;
            /**
             * Format: uint64
             * @description Size in bytes.
             */
            size: number;
            /**
             * Format: date-time
             * @description When it was stored.
             */
            uploaded_at: string;
            /** @description The account that uploaded it. */
            uploaded_by: string;
            /** @description That account's display name, when it still exists. */
            uploaded_by_name?: string | null;
        };
        /** @description What an attachment is. */
        AttachmentKind: "photo" | "signature";
        /** @description What an attachment belongs to; it is authorised like its owner. */
        AttachmentOwner: "work_order" | "ticket";
        /** @description How one attempt to reach the customer ended. */
        AttemptOutcome: "completed" | "busy" | "unreachable" | "refused";
        /** @description One audit entry. */
        AuditEntry: {
            /** @description Who. */
            account_id: string;
            /** @description What (`personal_data.export`, `account.create`, …). */
            action: string;
            /**
             * Format: date-time
             * @description When.
             */
            at: string;
            /** @description Details. */
            detail: string;
            /** @description Entry id (UUIDv7, time-ordered). */
            id: string;
            /** @description Which object or query. */
            object: string;
            /** @description In which role. */
            role: string;
        };
        /**
         * @description Request: book the appointment agreed with the customer
         *     (`svc.dispatch.workorder.book`).
         */
        BookAppointment: {
            /**
             * Format: int64
             * @description The version being changed (from `If-Match`).
             */
            expected_version: number;
            /** @description The window. */
            window: components["schemas"]["TimeWindow"];
            /** @description Work order id or number (from the path). */
            work_order_id: string;
        };
        /**
         * @description A brand's own warranty: parts (and, when it says so, labour) replaced on its machines
         *     within `months` of purchase are charged zero and claimed from the brand.
         */
        BrandWarranty: {
            /** @description Brand, e.g. Sharp (compared without case). */
            brand: string;
            /**
             * @description Whether the brand also pays the labour.
             * @default false
             */
            covers_labour: boolean;
            /**
             * Format: uint32
             * @description Months from purchase, 1–60.
             */
            months: number;
        };
        /** @description What is owed in one ageing bucket. */
        BucketTotal: {
            /** @description Bucket. */
            bucket: components["schemas"]["AgeBucket"];
            /**
             * Format: int64
             * @description Owed, minor units.
             */
            owed_minor: number;
            /**
             * Format: uint32
             * @description Receipts.
             */
            receipts: number;
        };
        /** @description One holiday or swapped working day. */
        CalendarDay: {
            /**
             * Format: date
             * @description The date.
             */
            date: string;
            /** @description A holiday or a weekend day worked. */
            kind: components["schemas"]["CalendarDayKind"];
            /** @description Its name in the schedule (`春节`, `元旦调休`); empty when it has none. */
            name: string;
        };
        /** @description What a day of the schedule is. */
        CalendarDayKind: "holiday" | "working_day";
        /** @description What a year's schedule lacks. */
        CalendarGap: "no_days" | "no_swapped_working_days";
        /** @description A year of the business calendar. */
        CalendarYear: {
            /** @description The year's holidays and swapped working days, in date order. */
            days: components["schemas"]["CalendarDay"][];
            /** @description What the year's schedule lacks; absent when it looks complete. */
            gap?: components["schemas"]["CalendarGap"] | null;
            /**
             * @description What the next year's schedule lacks; absent when it looks complete. Due dates are
             *     counted into the next year from the autumn on, so its notice should be loaded when it
             *     is published (usually November).
             */
            next_year_gap?: components["schemas"]["CalendarGap"] | null;
            /** @description The company's time zone (IANA name). */
            time_zone: string;
            /** @description The daily working periods (`08:30-12:00`), Monday to Friday and on days worked. */
            working_hours: string[];
            /**
             * Format: int32
             * @description The year.
             */
            year: number;
        };
        /** @description The company's assignment rules for call tasks (a versioned company setting). */
        CallAssignmentRules: {
            /** @description The rules, tried in order. */
            rules: components["schemas"]["AssignmentRule"][];
            /**
             * Format: int64
             * @description The setting's version (0: the built-in rules).
             */
            version: number;
        };
        /** @description One call attempt. */
        CallAttempt: {
            /**
             * Format: date-time
             * @description When.
             */
            at: string;
            /** @description Who called. */
            by: string;
            /**
             * Format: date-time
             * @description The agreed or next time to call, when the task moved.
             */
            next_try_at?: string | null;
            /** @description Note. */
            note: string;
            /** @description How it ended. */
            outcome: components["schemas"]["CallOutcome"];
        };
        /** @description A callback task. */
        Callback: {
            /** @description The agent who took the request, when known. */
            agent?: string | null;
            /** @description The answers, once completed. */
            answers?: components["schemas"]["CallbackAnswers"] | null;
            /** @description Every attempt, oldest first. */
            attempts: components["schemas"]["CallbackAttempt"][];
            /**
             * Format: uuid
             * @description The campaign, for campaign callbacks.
             */
            campaign_id?: string | null;
            /**
             * Format: date-time
             * @description When the task was created.
             */
            created_at: string;
            /**
             * Format: uuid
             * @description The customer's record, when known.
             */
            customer_id?: string | null;
            /** @description Customer name. */
            customer_name: string;
            /** @description District. */
            district: string;
            /**
             * Format: date-time
             * @description When the (next) call is due.
             */
            due_at: string;
            /**
             * Format: uint32
             * @description Failed attempts so far (unreachable).
             */
            failed_attempts: number;
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /** @description Visit or campaign. */
            kind: components["schemas"]["CallbackKind"];
            /** @description Due and still open. */
            overdue: boolean;
            /** @description State. */
            status: components["schemas"]["CallbackStatus"];
            /** @description Their team. */
            team: string;
            /**
             * Format: uuid
             * @description The technician being rated.
             */
            technician_id: string;
            /** @description Their name. */
            technician_name: string;
            /**
             * Format: uuid
             * @description Its ticket.
             */
            ticket_id: string;
            /**
             * Format: int64
             * @description Optimistic-concurrency version.
             */
            version: number;
            /**
             * Format: uuid
             * @description The work order it follows up (for a campaign: the customer's latest visit).
             */
            work_order_id: string;
            /** @description Its human number. */
            work_order_number: string;
        };
        /** @description What the customer said. */
        CallbackAnswers: {
            /**
             * Format: date-time
             * @description When answered.
             */
            answered_at: string;
            /** @description The answers. */
            answers: components["schemas"]["Answer"][];
            /** @description Phone or web. */
            channel: components["schemas"]["AnswerChannel"];
            /** @description A "no" to a problem-persists question. */
            problem_persists: boolean;
            /**
             * Format: int64
             * @description The questionnaire version asked.
             */
            questionnaire_version: number;
            /** @description Scores computed from them. */
            scores: components["schemas"]["CallbackScores"];
        };
        /** @description One attempt to reach the customer. */
        CallbackAttempt: {
            /** @description Who called (`web` for a link answer). */
            actor: string;
            /**
             * Format: date-time
             * @description When.
             */
            at: string;
            /**
             * Format: date-time
             * @description The agreed or retry time, when the callback stays open.
             */
            next_due_at?: string | null;
            /** @description Note, up to 500 characters. */
            note: string;
            /** @description How it ended. */
            outcome: components["schemas"]["AttemptOutcome"];
        };
        /** @description Why a callback exists. */
        CallbackKind: "visit" | "campaign";
        /** @description Scores of one answered callback, in thousandths (absent when nothing was rated). */
        CallbackScores: {
            /**
             * Format: uint32
             * @description Mean of the agent's ratings.
             */
            agent_milli?: number | null;
            /**
             * Format: uint32
             * @description Mean of all ratings.
             */
            overall_milli?: number | null;
            /**
             * Format: uint32
             * @description Mean of the technician's ratings.
             */
            technician_milli?: number | null;
        };
        /** @description One line of the callback sheet. */
        CallbackSheetLine: {
            /** @description The agent who took the ticket, when known. */
            agent?: string | null;
            /**
             * Format: date-time
             * @description When the call was made.
             */
            at: string;
            /**
             * Format: uuid
             * @description Callback id.
             */
            callback_id: string;
            /** @description The customer's comment, if any. */
            comment: string;
            /** @description Customer. */
            customer_name: string;
            /** @description District. */
            district: string;
            /**
             * @description How the day's last call went: `completed` when answered, else busy, unreachable
             *     or refused.
             */
            outcome: components["schemas"]["AttemptOutcome"];
            /**
             * Format: uint32
             * @description Overall score, thousandths of the top level, when answered.
             */
            overall_milli?: number | null;
            /** @description Whether the customer's problem came back. */
            problem_persists: boolean;
            /** @description Technician of the visit. */
            technician_name: string;
            /** @description The visit's work order number. */
            work_order_number: string;
        };
        /** @description Callback state. */
        CallbackStatus: "scheduled" | "completed" | "unreachable" | "refused";
        /** @description How one call attempt ended. */
        CallOutcome: "reached" | "busy" | "unreachable" | "refused";
        /**
         * @description The call-out fee for visits in a district and of a kind; the most specific row applies
         *     (district and kind, then district, then kind, then the default row with neither).
         */
        CallOutFee: {
            /**
             * Format: int64
             * @description The fee, minor units.
             */
            amount_minor: number;
            /** @description District, or every district. */
            district?: string | null;
            /** @description Kind of visit, or every kind. */
            work_type?: components["schemas"]["WorkType"] | null;
        };
        /** @description How a task ended. */
        CallResult: "done" | "declined" | "unreachable" | "cancelled";
        /** @description A call to make. */
        CallTask: {
            /** @description What to say, in short (the consumable, the amount owed, the reasons). */
            about: string;
            /** @description How the assignee was chosen: `rule <n>` (1-based), `default` or `by <user>`. */
            assigned_by: string;
            /** @description Whom it is assigned to: a user id, `callback_specialist` or `district:<district>`. */
            assignee: string;
            /** @description Every attempt, oldest first. */
            attempts: components["schemas"]["CallAttempt"][];
            /** @description Its brand. */
            brand?: string | null;
            /**
             * Format: date-time
             * @description When it was closed.
             */
            closed_at?: string | null;
            /** @description Who closed it. */
            closed_by?: string | null;
            /**
             * Format: date-time
             * @description When it was created.
             */
            created_at: string;
            /** @description The customer's name. */
            customer_name: string;
            /** @description The customer's district. */
            district: string;
            /**
             * Format: date-time
             * @description When the (next) call is due.
             */
            due_at: string;
            /**
             * Format: date-time
             * @description When an open task goes to the manager.
             */
            escalate_at: string;
            /**
             * Format: date-time
             * @description When it was escalated to the manager (once).
             */
            escalated_at?: string | null;
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /** @description What for. */
            kind: components["schemas"]["CallTaskKind"];
            /** @description The machine's product line, when the task is about one. */
            product_line?: string | null;
            /**
             * @description The human reference the call is about (card, contract, receipt or work order
             *     number).
             */
            reference: string;
            /** @description The records it refers to. */
            refs: components["schemas"]["CallTaskRefs"];
            /**
             * Format: date-time
             * @description When the reminder for the current due time went out.
             */
            reminded_at?: string | null;
            /** @description How it ended. */
            result?: components["schemas"]["CallResult"] | null;
            /** @description The result's note. */
            result_note?: string | null;
            /** @description Open or closed. */
            state: components["schemas"]["CallTaskState"];
            /** @description Due now, overdue, later or closed, as of the read. */
            timing: components["schemas"]["CallTaskTiming"];
            /**
             * Format: int64
             * @description Optimistic-concurrency version, also the ETag.
             */
            version: number;
        };
        /** @description Why a call is to be made. */
        CallTaskKind: "callback" | "welcome_call" | "renewal" | "consumables_contact" | "complaint_answer" | "follow_up" | "overdue_payment";
        /** @description What the task is about, by the records of the other services. */
        CallTaskRefs: {
            /**
             * Format: uuid
             * @description The callback (kind `callback`).
             */
            callback_id?: string | null;
            /** @description The contract or warranty card number. */
            contract?: string | null;
            /**
             * Format: uuid
             * @description The customer's record.
             */
            customer_id?: string | null;
            /**
             * Format: uuid
             * @description The follow-up (kind `complaint_answer`).
             */
            followup_id?: string | null;
            /**
             * Format: uuid
             * @description The receipt.
             */
            invoice_id?: string | null;
            /**
             * Format: uuid
             * @description The machine.
             */
            machine_id?: string | null;
            /**
             * Format: uuid
             * @description The ticket.
             */
            ticket_id?: string | null;
        };
        /** @description Where a call task stands. */
        CallTaskState: "open" | "closed";
        /** @description Where an open task is in its queue at the time it is read. */
        CallTaskTiming: "due_now" | "overdue" | "later" | "closed";
        /** @description A satisfaction campaign. */
        Campaign: {
            /**
             * Format: uint32
             * @description Answered so far.
             */
            answered: number;
            /**
             * Format: uint32
             * @description Callbacks created (one per active customer).
             */
            callbacks: number;
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /** @description Quarter. */
            quarter: string;
            /**
             * Format: date-time
             * @description When.
             */
            started_at: string;
            /** @description Who started it. */
            started_by: string;
        };
        /** @description Cash a technician collected on site at one visit. */
        CashCollection: {
            /** @description How much. */
            amount: components["schemas"]["Money"];
            /**
             * Format: date-time
             * @description When (the visit's end).
             */
            at: string;
            /** @description Its receipt, once issued. */
            receipt_number?: string | null;
            /** @description The work order. */
            work_order_number: string;
        };
        /** @description A technician's cash day: the collections and, once counted, the reconciliation. */
        CashDay: {
            /** @description Every collection that day. */
            collections: components["schemas"]["CashCollection"][];
            /**
             * Format: date
             * @description The day.
             */
            day: string;
            /** @description Sum of the collections. */
            expected: components["schemas"]["Money"];
            /** @description The count, once made. */
            reconciliation?: components["schemas"]["CashReconciliation"] | null;
            /**
             * Format: uuid
             * @description The technician.
             */
            technician_id: string;
            /** @description Their name, from the visits. */
            technician_name: string;
        };
        /** @description The count of a technician's cash for a day against what the visits say was collected. */
        CashReconciliation: {
            /** @description Their remark. */
            approval_note?: string | null;
            /** @description The manager who approved the variance. */
            approved_by?: string | null;
            /** @description What was handed in. */
            counted: components["schemas"]["Money"];
            /**
             * Format: date-time
             * @description When counted.
             */
            counted_at: string;
            /** @description Who counted. */
            counted_by: string;
            /**
             * Format: date
             * @description The day (service-local).
             */
            day: string;
            /** @description What the visits say was collected. */
            expected: components["schemas"]["Money"];
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /** @description Remarks, up to 500 characters. */
            note: string;
            /** @description Where it stands. */
            status: components["schemas"]["ReconciliationStatus"];
            /**
             * Format: uuid
             * @description The technician.
             */
            technician_id: string;
            /** @description Counted less expected. */
            variance: components["schemas"]["Money"];
        };
        /** @description A certificate a technician holds (上岗资格证), for a product line or brand. */
        Certification: {
            /**
             * Format: date
             * @description Last day it is valid.
             */
            expires_on: string;
            /** @description The product line or brand it qualifies for (lower case), e.g. `copier`. */
            skill: string;
        };
        /** @description A password change. */
        ChangePassword: {
            /** @description The current password. */
            current_password: string;
            /** @description The new one, 12–256 characters. */
            new_password: string;
        };
        /** @description An account's new role. */
        ChangeRole: {
            /**
             * @description The role it has from now on; not `customer` or `technician`, whose accounts are
             *     linked to their record when created.
             */
            role: components["schemas"]["Role"];
        };
        /** @description Where a request came in. */
        Channel: "phone" | "web" | "email" | "chat" | "walk_in" | "dealer_drop_off" | "planned";
        /**
         * @description The charge a visit will make, computed by the rules its receipt is priced with: each
         *     line with why it is covered or charged, the totals and the tax they contain.
         */
        ChargePreview: {
            /**
             * Format: uint32
             * @description The fee schedule version it was priced by.
             */
            fee_schedule_version: number;
            /** @description The lines the receipt will hold. */
            lines: components["schemas"]["InvoiceLine"][];
            /**
             * @description Whether the visit makes a receipt (a visit taken to the workshop or that could not
             *     fix the machine makes none, and charges nothing).
             */
            receipt: boolean;
            /** @description The part of `total_charged` that is value-added tax. */
            tax_included: components["schemas"]["Money"];
            /**
             * Format: uint32
             * @description The tax rate, in basis points.
             */
            tax_rate_bp: number;
            /** @description Sum of line amounts. */
            total: components["schemas"]["Money"];
            /** @description What the customer will be charged. */
            total_charged: components["schemas"]["Money"];
            /**
             * Format: uuid
             * @description The work order.
             */
            work_order_id: string;
        };
        /**
         * @description What the technician has entered of a visit so far, for the charge its receipt will
         *     make (`POST /workorders/{id}/charge-preview`): the same times, fault, parts and outcome
         *     the visit report (`completeWorkOrder`) will carry.
         */
        ChargePreviewRequest: {
            /**
             * @description Fault code from the company's fault list, `[a-z0-9_]`, 1–64 characters (a flat
             *     labour rate may apply to it; a misuse fault voids the warranty).
             */
            fault?: string | null;
            /**
             * Format: date-time
             * @description When it finished, or now while the work goes on (not before `started_at`).
             */
            finished_at: string;
            /**
             * @description How the visit ends (default completed): a visit waiting for parts is charged its
             *     call-out and labour, one taken to the workshop or that could not fix nothing.
             * @default completed
             */
            outcome: components["schemas"]["VisitOutcome"];
            /**
             * @description Parts used, up to 100 lines.
             * @default []
             */
            parts: (components["schemas"]["PartUsed"] & {
                location?: unknown;
                quantity?: unknown;
                sku?: unknown;
            })[];
            /**
             * Format: date-time
             * @description When work on site started.
             */
            started_at: string;
            /** @description Work order id or number. */
            work_order_id: string;
        };
        /** @description One line of a manufacturer claim: work the brand's warranty covered. */
        ClaimLine: {
            /** @description Value claimed. */
            amount: components["schemas"]["Money"];
            /** @description As printed on the receipt. */
            description: string;
            /** @description Labour or part. */
            kind: components["schemas"]["LineKind"];
            /** @description The machine (model, serial, purchase date). */
            machine: components["schemas"]["MachineInfo"];
            /**
             * Format: uint32
             * @description Units.
             */
            quantity: number;
            /** @description The receipt the work is on. */
            receipt_number: string;
            /** @description The part replaced; the removed part (拆机件) of this SKU goes back to the brand. */
            sku?: string | null;
            /**
             * Format: uuid
             * @description The work order.
             */
            work_order_id: string;
        };
        /** @description What a brand requires on its claims. */
        ClaimRequirements: {
            /** @description Brand (compared without case), 1–64 characters. */
            brand: string;
            /** @description Fields a claim must have before it is submitted, each 1–64 characters. */
            required_fields: string[];
        };
        /** @description Claims not yet settled, per brand. */
        ClaimsOutstanding: {
            /**
             * Format: uint32
             * @description Approved, awaiting payment.
             */
            approved: number;
            /**
             * Format: int64
             * @description Their value.
             */
            approved_minor: number;
            /** @description Brand. */
            brand: string;
            /**
             * Format: uint32
             * @description Open drafts.
             */
            draft: number;
            /**
             * Format: int64
             * @description Their value, minor units.
             */
            draft_minor: number;
            /**
             * Format: date-time
             * @description When the oldest unsettled claim was opened.
             */
            oldest?: string | null;
            /**
             * Format: uint32
             * @description Submitted, awaiting the brand.
             */
            submitted: number;
            /**
             * Format: int64
             * @description Their value.
             */
            submitted_minor: number;
        };
        /** @description Where a manufacturer claim (厂家索赔) stands. */
        ClaimStatus: "draft" | "submitted" | "approved" | "rejected" | "paid";
        /** @description Request: close a task with its result (`svc.survey.call_task.close`). */
        CloseCallTask: {
            /**
             * Format: int64
             * @description The version being changed (from `If-Match`).
             */
            expected_version: number;
            /**
             * @description What was done, up to 500 characters (required for a complaint answer: it resolves
             *     the follow-up).
             * @default
             */
            note: string;
            /** @description How it ended. */
            result: components["schemas"]["CallResult"];
            /** @description Task id (from the path). */
            task_id: string;
        };
        /**
         * @description A code request was taken. The answer is the same whether or not the ticket exists,
         *     so ticket numbers cannot be probed.
         */
        CodeRequested: {
            /**
             * Format: uint64
             * @description Seconds the code will be valid.
             */
            expires_in: number;
        };
        /** @description The company profile in force with its version, who stored it and when. */
        CompanyProfile: {
            /**
             * @description The particulars; null until an administrator sets them (receipts are then headed
             *     with the product's name).
             */
            profile?: components["schemas"]["CompanyProfileFields"] | null;
            /**
             * Format: date-time
             * @description When this version was stored; null at version 0.
             */
            updated_at?: string | null;
            /** @description The account that stored it; null at version 0. */
            updated_by?: string | null;
            /**
             * Format: int64
             * @description Version, also the ETag (0: never set).
             */
            version: number;
        };
        /** @description The company's particulars (公司抬头), printed at the head and the foot of its receipts. */
        CompanyProfileFields: {
            /**
             * @description The address, up to 300 characters.
             * @default
             */
            address: string;
            /**
             * @description The account number at that bank, up to 40 characters: digits, spaces and dashes.
             * @default
             */
            bank_account: string;
            /**
             * @description The bank the company is paid into (开户行), up to 100 characters.
             * @default
             */
            bank_name: string;
            /**
             * @description The name in English, up to 200 characters.
             * @default
             */
            name_en: string;
            /** @description The name in Chinese, 1–100 characters: the receipt's heading. */
            name_zh: string;
            /**
             * @description The telephone customers call, up to 40 characters.
             * @default
             */
            phone: string;
            /**
             * @description What each receipt says at its foot, up to 500 characters.
             * @default
             */
            receipt_footer: string;
            /**
             * @description The taxpayer number (纳税人识别号): 15–20 letters and digits, or empty.
             * @default
             */
            tax_number: string;
        };
        /** @description Request: the technician reports the visit done (`svc.dispatch.workorder.complete`). */
        CompleteWorkOrder: {
            /**
             * @description Adjustments made, up to 1000 characters.
             * @default
             */
            adjustments: string;
            /**
             * @description The visit is charged to the customer (the amount the receipt will charge was shown
             *     to them): their consent is their signature, so the report needs `signature` with
             *     its drawing (`attachment_id`).
             * @default false
             */
            chargeable: boolean;
            /**
             * Format: uint8
             * @description Toner or ink left, percent 0–100.
             */
            consumables_level?: number | null;
            /** @description What was wrong, 1–4000 characters. */
            diagnosis: string;
            /**
             * Format: int64
             * @description The version the technician saw; a stale one is refused.
             */
            expected_version?: number | null;
            /**
             * @description Fault code from the company's fault list (`GET /fault-codes`, e.g. `paper_feed`),
             *     `[a-z0-9_]`, 1–64 characters, active on the list; quality warnings count repeats
             *     by it.
             */
            fault?: string | null;
            /**
             * Format: date-time
             * @description When it finished (not before `started_at`).
             */
            finished_at: string;
            /**
             * @description Hazards seen (loose wiring, overheating), up to 1000 characters.
             * @default
             */
            hazards: string;
            /**
             * Format: uint64
             * @description Meter reading (复印量) at the visit.
             */
            meter_reading?: number | null;
            /**
             * @description How the visit ended (default completed).
             * @default completed
             */
            outcome: components["schemas"]["VisitOutcome"];
            /**
             * @description Parts replaced (after the customer's consent), up to 100 lines.
             * @default []
             */
            parts: (components["schemas"]["PartUsed"] & {
                location?: unknown;
                quantity?: unknown;
                sku?: unknown;
            })[];
            /**
             * @description What was cleaned, up to 1000 characters.
             * @default
             */
            parts_cleaned: string;
            /**
             * @description Whether the customer agreed to the parts replaced; required when parts are listed.
             * @default false
             */
            parts_consent: boolean;
            /**
             * @description Parts needed for the return visit (`waiting_for_parts` only), up to 100 lines.
             * @default []
             */
            parts_needed: (components["schemas"]["PartUsed"] & {
                location?: unknown;
                quantity?: unknown;
                sku?: unknown;
            })[];
            payment_collected?: (components["schemas"]["Money"] | null) & {
                amount_minor?: unknown;
            };
            /**
             * @description Photos of the machine and the fault: attachments of kind `photo` uploaded to this
             *     work order, at most 20, each once.
             */
            photo_attachment_ids?: string[];
            /**
             * @description The result as told to the customer, up to 1000 characters.
             * @default
             */
            result: string;
            /**
             * @description The technician says another visit is needed, for the desk to book.
             * @default false
             */
            return_visit_needed: boolean;
            /**
             * @description Why the return visit is needed, up to 1000 characters; only with
             *     `return_visit_needed`.
             * @default
             */
            return_visit_note: string;
            /** @description The customer's signature. */
            signature?: components["schemas"]["Signature"] | null;
            /**
             * Format: date-time
             * @description When work on site started.
             */
            started_at: string;
            /** @description Work order id or number. */
            work_order_id: string;
        };
        /** @description A person to talk to at the customer. */
        Contact: {
            /** @description E-mail address, for notifications by e-mail. */
            email?: string | null;
            /** @description Name, 1–200 characters. */
            name: string;
            /** @description Phone numbers, 1–5, each 5–32 characters of digits, spaces, `+ - ( )`. */
            phones: string[];
            /**
             * @description Position or note, up to 100 characters (e.g. 行政主管).
             * @default
             */
            title: string;
            /** @description WeChat id, for notifications by WeChat. */
            wechat?: string | null;
        };
        /**
         * @description A person to talk to at the customer, as a request gives it (registering or changing a
         *     customer). Replies carry [`Contact`], whose phones may be masked (`138****5678`), so only
         *     this type states a phone's shape; the two serialise alike.
         */
        ContactInput: {
            /** @description E-mail address, for notifications by e-mail. */
            email?: string | null;
            /** @description Name, 1–200 characters. */
            name: string;
            /**
             * @description Phone numbers, 1–5, each 5–32 characters: 5–15 digits with at most two spaces or
             *     `+ - ( )` between them.
             */
            phones: string[];
            /**
             * @description Position or note, up to 100 characters (e.g. 行政主管).
             * @default
             */
            title: string;
            /** @description WeChat id, for notifications by WeChat. */
            wechat?: string | null;
        };
        /** @description An annual maintenance contract (年保). */
        Contract: {
            /** @description Address. */
            address: string;
            /** @description What it covers. */
            coverage: components["schemas"]["ContractCoverage"];
            /**
             * Format: date-time
             * @description When recorded.
             */
            created_at: string;
            /**
             * Format: uuid
             * @description The customer's record.
             */
            customer_id: string;
            /** @description Company. */
            customer_name: string;
            /** @description District. */
            district: string;
            /**
             * Format: date
             * @description Last day covered.
             */
            ends_on: string;
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /** @description The machines covered. */
            machines: components["schemas"]["MachineInfo"][];
            /** @description Gapless per year: `K2026-000001`. */
            number: string;
            /** @description Price. */
            price: components["schemas"]["Money"];
            /**
             * Format: date
             * @description First day covered.
             */
            starts_on: string;
        };
        /** @description What an annual maintenance contract covers. */
        ContractCoverage: {
            /** @description Call-out fees. */
            call_out: boolean;
            /** @description Labour. */
            labour: boolean;
            /** @description Parts (consumables are never covered). */
            parts: boolean;
            /**
             * Format: uint32
             * @description A maintenance visit every this many months (0: none planned), 0–12.
             */
            visit_every_months: number;
        };
        /** @description The contracts signed in a month (年保合同明细), reported on the 2nd of the next. */
        ContractsSignedReport: {
            /** @description Contracts recorded that month, oldest first. */
            contracts: components["schemas"]["Contract"][];
            /**
             * @description The contracts and warranties whose cover ends that month, and how their renewals
             *     stand: won, lost (declined or lapsed) and still open.
             */
            ending: components["schemas"]["RenewalsEnding"];
            /**
             * Format: date
             * @description First day of the month.
             */
            month: string;
            /**
             * Format: uint32
             * @description How many are new.
             */
            new: number;
            /**
             * Format: uint32
             * @description How many renew an earlier contract or follow a warranty.
             */
            renewals: number;
            /**
             * Format: int64
             * @description Sum of their prices, minor units.
             */
            total_minor: number;
        };
        /** @description One counted line of a stocktake. */
        CountLine: {
            /**
             * Format: uint32
             * @description Units counted.
             */
            counted: number;
            /** @description Part. */
            sku: string;
        };
        /** @description Why a line is or is not charged. */
        Coverage: "chargeable" | "warranty" | "contract" | "manufacturer_warranty" | "free_training";
        /** @description How many visits were called back (target 100 %). */
        CoverageReport: {
            /**
             * Format: uint32
             * @description Their callbacks that reached the customer (completed).
             */
            completed: number;
            /**
             * Format: uint32
             * @description Completed ÷ visits, in tenths of a percent.
             */
            coverage_tenths: number;
            /**
             * Format: date
             * @description First local day.
             */
            from: string;
            /**
             * Format: uint32
             * @description Still open.
             */
            open: number;
            /**
             * Format: uint32
             * @description Open and past due, right now.
             */
            overdue: number;
            /**
             * Format: uint32
             * @description Refused.
             */
            refused: number;
            /**
             * Format: date
             * @description Last local day.
             */
            to: string;
            /**
             * Format: uint32
             * @description Closed as unreachable.
             */
            unreachable: number;
            /**
             * Format: uint32
             * @description Completed visits in the period.
             */
            visits: number;
        };
        /** @description A new account. */
        CreateAccount: {
            /**
             * Format: uuid
             * @description Required for customer accounts: the customer record they are.
             * @default null
             */
            customer_id: string | null;
            /** @description Name shown in histories, 1–200 characters. */
            display_name: string;
            /** @description Login name, 3–254 characters, stored lower-case; unique. */
            login: string;
            /**
             * @description The `sub` of the person at the external OIDC issuer this account stands for: a
             *     token of that subject takes this account's customer or technician link (never one
             *     from the token's claims), and ends when this account is disabled.
             * @default null
             */
            oidc_subject: string | null;
            /**
             * @description Password (12–256 characters); omit for an integration that signs in with API
             *     tokens only.
             * @default null
             */
            password: string | null;
            /** @description The one role the account holds. */
            role: components["schemas"]["Role"];
            /**
             * Format: uuid
             * @description Required for technician accounts: the technician they are.
             * @default null
             */
            technician_id: string | null;
        };
        /** @description A new API token. */
        CreateApiToken: {
            /** @description What it is for, 1–200 characters (e.g. `SMS integration`). */
            name: string;
        };
        /** @description Request: record a signed contract (`svc.billing.contract.create`). */
        CreateContract: {
            /**
             * @description Address, up to 500 characters.
             * @default
             */
            address: string;
            /** @description What it covers. */
            coverage: components["schemas"]["ContractCoverage"];
            /**
             * Format: uuid
             * @description The customer's record.
             */
            customer_id: string;
            /** @description Company, 1–200 characters. */
            customer_name: string;
            /** @description District, 1–64 characters (maintenance visits are assigned by it). */
            district: string;
            /**
             * Format: date
             * @description Last day covered.
             */
            ends_on: string;
            /** @description The machines covered, 1–50. */
            machines: components["schemas"]["MachineInfo"][];
            /** @description The contract's price. */
            price: components["schemas"]["Money"];
            /**
             * Format: date
             * @description First day covered.
             */
            starts_on: string;
        };
        /**
         * @description Request: issue a credit note against a receipt (`svc.billing.credit_note.create`).
         *     Receipts are never edited; a correction is a credit note.
         */
        CreateCreditNote: {
            amount: components["schemas"]["Money"] & {
                amount_minor?: unknown;
            };
            /** @description Receipt id or number (from the path). */
            invoice_id: string;
            /** @description Why, 1–500 characters. */
            reason: string;
        };
        /**
         * @description Request: register a customer (`svc.intake.customer.create`). A phone number already on
         *     file is refused (409) with the customer it belongs to, instead of a duplicate.
         */
        CreateCustomer: {
            /**
             * @description Street address, up to 500 characters.
             * @default
             */
            address: string;
            /** @description Company or person, 1–200 characters. */
            company: string;
            /** @description Contacts, 1–20. */
            contacts: components["schemas"]["ContactInput"][];
            /** @description Service district, 1–64 characters. */
            district: string;
            /**
             * @description The language of those messages (default zh-CN).
             * @default zh-CN
             */
            language: components["schemas"]["Language"];
            /** @description Map position, when known. */
            location?: components["schemas"]["GeoPoint"] | null;
            /**
             * @description Notes, up to 2000 characters.
             * @default
             */
            notes: string;
            /**
             * @description How the customer wants to be told about their requests (default SMS).
             * @default sms
             */
            preferred_channel: components["schemas"]["NotificationChannel"];
            /**
             * @description Tier (default standard).
             * @default standard
             */
            tier: components["schemas"]["CustomerTier"];
        };
        /** @description Request: add an article to the knowledge base (常见问题) (`svc.intake.faq.create`). */
        CreateFaqArticle: {
            /** @description The answer the agent gives, 1–8000 characters. */
            answer: string;
            /** @description The product line it is about (one of the configured lines). */
            product_line: string;
            /** @description The question as customers ask it, 1–500 characters. */
            question: string;
        };
        /** @description Request: publish a new fee schedule version (`svc.billing.fee_schedule.create`). */
        CreateFeeSchedule: {
            /**
             * Format: date
             * @description The first day (service-local) it prices visits finished on: from today to two
             *     years ahead, and after the latest version's.
             */
            effective_from: string;
            /** @description The terms. */
            terms: components["schemas"]["FeeTerms"];
        };
        /** @description Request: register a stock location (`svc.inventory.location.create`). */
        CreateLocation: {
            /** @description Code, 1–64 of letters, digits, `-`, `_`. */
            code: string;
            /** @description Kind. */
            kind: components["schemas"]["LocationKind"];
            /** @description Name, 1–100 characters. */
            name: string;
            /**
             * Format: uuid
             * @description For a van: its technician.
             */
            technician_id?: string | null;
        };
        /**
         * @description Request: create a maintenance plan by hand (`svc.dispatch.maintenance.create`), e.g.
         *     for a contract.
         */
        CreateMaintenancePlan: {
            /**
             * @description Address, up to 500 characters.
             * @default
             */
            address: string;
            /** @description Company, 1–200 characters. */
            company: string;
            /**
             * Format: uuid
             * @description The customer's record.
             */
            customer_id: string;
            /** @description District, 1–64 characters. */
            district: string;
            /**
             * Format: uint32
             * @description Months between visits (0: once), up to 24.
             */
            every_months: number;
            /**
             * Format: date
             * @description The first visit's due day, in 2000 or later.
             */
            first_due: string;
            /** @description What for. */
            kind: components["schemas"]["MaintenanceKind"];
            machine: components["schemas"]["MachineInfo"] & {
                brand?: unknown;
                model?: unknown;
                product_line?: unknown;
            };
            /**
             * Format: date
             * @description No visits after this day.
             */
            until?: string | null;
        };
        /** @description Request: add a part to the catalogue (`svc.inventory.part.create`). */
        CreatePart: {
            /**
             * @description Spare part or consumable (default spare part).
             * @default spare_part
             */
            category: components["schemas"]["PartCategory"];
            /**
             * @description Models it fits (e.g. `AR-2048`), up to 100.
             * @default []
             */
            compatible_models: string[];
            /**
             * Format: uint8
             * @description How often it fails, 0 (unrated) to 5 (fails most): parts planning ranks by it.
             * @default 0
             */
            failure_prone: number;
            list_price: components["schemas"]["Money"] & {
                amount_minor?: unknown;
            } & {
                currency?: unknown;
            };
            /** @description Name, 1–200 characters. */
            name: string;
            /**
             * Format: uint32
             * @description Pages a consumable lasts (toner, drum), for consumables tracking.
             */
            page_yield?: number | null;
            /** @description Stock-keeping unit, 1–64 characters of letters, digits, `-`, `_`, `.`. */
            sku: string;
            unit_cost?: (components["schemas"]["Money"] | null) & {
                amount_minor?: unknown;
            } & {
                currency?: unknown;
            };
        };
        /** @description Request: ask for a purchase by hand (`svc.inventory.purchase.create`). */
        CreatePurchaseRequest: {
            /** @description Why, 1–500 characters. */
            basis: string;
            /** @description Into which location. */
            location: string;
            /**
             * Format: uint32
             * @description Units, 1–100000.
             */
            quantity: number;
            /** @description The part. */
            sku: string;
        };
        /** @description Request: register a technician (`svc.dispatch.technician.create`). */
        CreateTechnician: {
            /**
             * @description Certificates with their expiry; a work order needs one valid for its product line.
             * @default []
             */
            certifications: components["schemas"]["Certification"][];
            /**
             * Format: uint32
             * @description Work orders per day before the technician counts as fully loaded (1–50).
             */
            daily_capacity: number;
            /** @description Home district; assignment prefers technicians of the ticket's district. */
            district: string;
            /** @description Full name, 1–100 characters. */
            name: string;
            /**
             * Format: partial-time
             * @description Shift end, local time (default 17:30).
             */
            shift_end?: string | null;
            /**
             * Format: partial-time
             * @description Shift start, local time (default 08:50, when technicians leave).
             */
            shift_start?: string | null;
            /**
             * @description Product lines and brands the technician is qualified for (e.g. `copier`, `sharp`).
             * @default []
             */
            skills: string[];
            /** @description Where the day starts (home or office), for distances and routes. */
            start_location?: components["schemas"]["GeoPoint"] | null;
            /** @description Team (技术组), 1–64 characters; defaults to the home district. */
            team?: string | null;
            /** @description The technician's van stock location in inventory, e.g. `van-li-wei`. */
            van_location?: string | null;
        };
        /** @description A credit note (红字冲销): reduces what a receipt owes. */
        CreditNote: {
            /** @description Amount credited. */
            amount: components["schemas"]["Money"];
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /**
             * Format: uuid
             * @description The receipt.
             */
            invoice_id: string;
            /** @description Its number. */
            invoice_number: string;
            /**
             * Format: date-time
             * @description When.
             */
            issued_at: string;
            /** @description Who issued it. */
            issued_by: string;
            /** @description Gapless per year: `CN2026-000001`. */
            number: string;
            /** @description Why. */
            reason: string;
        };
        /** @description A customer as the gateway shows it. */
        Customer: {
            /** @description Street address. */
            address: string;
            /** @description Company or person. */
            company: string;
            /** @description Contacts. */
            contacts: components["schemas"]["Contact"][];
            /**
             * Format: date-time
             * @description Registered.
             */
            created_at: string;
            /** @description Service district. */
            district: string;
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /** @description The language of those messages. */
            language: components["schemas"]["Language"];
            /** @description Map position. */
            location?: components["schemas"]["GeoPoint"] | null;
            /**
             * Format: uuid
             * @description The record this one was merged into: use that one.
             */
            merged_into?: string | null;
            /** @description Notes. */
            notes: string;
            /** @description Human number, `C2026-000042`. */
            number: string;
            /** @description How the customer wants to be told about their requests. */
            preferred_channel: components["schemas"]["NotificationChannel"];
            /**
             * @description Active, inactive (not offered for new tickets) or merged into another record.
             * @default active
             */
            status: components["schemas"]["CustomerStatus"];
            /** @description Tier. */
            tier: components["schemas"]["CustomerTier"];
            /**
             * Format: int64
             * @description Optimistic-concurrency version, also the ETag.
             */
            version: number;
        };
        /** @description The customer as given on the request. */
        CustomerInfo: {
            /**
             * @description Street address, up to 500 characters.
             * @default
             */
            address: string;
            /** @description Service district, 1–64 characters; dispatch assigns by it. */
            district: string;
            /** @description Company or person, 1–200 characters. */
            name: string;
            /** @description Contact phone, 5–32 characters of digits, spaces, `+`, `-`. */
            phone: string;
        };
        /** @description Whether a customer record is in use. */
        CustomerStatus: "active" | "inactive" | "merged";
        /** @description How the service department treats a customer: key accounts (大客户) get tighter SLAs. */
        CustomerTier: "key_account" | "standard";
        /** @description A follow-up opened on the day. */
        DailyFollowUp: {
            /** @description The agent who answers the customer, when known. */
            agent?: string | null;
            /** @description Customer. */
            customer_name: string;
            /**
             * Format: uuid
             * @description Follow-up id.
             */
            followup_id: string;
            /** @description Why it was opened (low ratings, a comment). */
            reasons: string[];
            /** @description The visit's work order number. */
            work_order_number: string;
        };
        /** @description The prominent customer problems of a day. */
        DailyProblems: {
            /** @description From the callbacks answered that day. */
            callbacks: components["schemas"]["ProminentProblems"];
            /** @description Follow-ups opened that day for an unhappy rating or a comment. */
            follow_ups: components["schemas"]["DailyFollowUp"][];
        };
        /** @description One working day's report, stored whole as written at the report time. */
        DailyReport: {
            /** @description Every callback answered or tried that day (工单回访表), in the order made. */
            callback_sheet: components["schemas"]["CallbackSheetLine"][];
            /**
             * Format: date
             * @description The local working day it covers.
             */
            date: string;
            /**
             * Format: date-time
             * @description When it was written.
             */
            generated_at: string;
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /**
             * @description The welcome calls to new customers (warranty cards) made or due that day
             *     (新客户联系情况明细).
             */
            new_contacts: components["schemas"]["NewContactLine"][];
            /**
             * @description What customers complained of: the day's lowest-scoring questions, comments and
             *     repeat repairs from the callbacks answered, and the follow-ups opened.
             */
            problems: components["schemas"]["DailyProblems"];
            /** @description The day's tickets and visits (工单统计表). */
            work_orders: components["schemas"]["WorkOrderStatistics"];
        };
        /** @description A day plan. */
        DayPlan: {
            /**
             * Format: date
             * @description The local day.
             */
            date: string;
            /**
             * @description The same work orders left out, one by one: which, whose route (if any) and why
             *     (no qualified technician, no window fits, capacity).
             * @default []
             */
            left_out: components["schemas"]["LeftOut"][];
            /**
             * Format: date-time
             * @description When published.
             */
            published_at: string;
            /**
             * Format: int64
             * @description Times the day was (re)planned.
             */
            revision: number;
            /** @description Routes. */
            routes: components["schemas"]["Route"][];
            /**
             * @description Work orders that could not be planned, with why, as notes
             *     (`W2026-000042 (Li Wei): why`; without a technician, `W2026-000042: why`).
             */
            unplanned: string[];
        };
        /** @description One dead letter as listed to an operator. */
        DeadLetter: {
            /** @description Consumer that gave up. */
            consumer: string;
            /**
             * Format: int64
             * @description Deliveries attempted.
             */
            deliveries: number;
            /** @description Envelope id, when the payload had one. */
            event_id?: string | null;
            /**
             * Format: int64
             * @description When it was given up (epoch ms).
             */
            failed_at: number;
            /** @description The original payload, as text; empty when `payload_dropped`. */
            payload: string;
            /**
             * @description True for a `notify.*` message: its payload (a code, an answer link or a message
             *     for a customer) was not kept, and the dead letter cannot be replayed.
             */
            payload_dropped: boolean;
            /** @description Why it failed. */
            reason: string;
            /**
             * Format: uint64
             * @description Position in the dead-letter stream; what `replay` takes.
             */
            seq: number;
            /** @description Original stream and position. */
            stream: string;
            /**
             * Format: uint64
             * @description Position in the original stream.
             */
            stream_seq: number;
            /** @description Original subject. */
            subject: string;
        };
        /** @description Dead letters, newest last. */
        DeadLetters: {
            /** @description The letters. */
            items: components["schemas"]["DeadLetter"][];
        };
        /** @description The dealer who sent a machine in. */
        Dealer: {
            /**
             * @description Where the machine is collected from and shipped back to, up to 500 characters;
             *     required when `pickup`.
             * @default
             */
            address: string;
            /** @description The dealer's name, 1–200 characters. */
            name: string;
            /** @description Their contact phone, 1–40 characters. */
            phone: string;
            /**
             * @description We collect the machine from the dealer (提货) rather than the dealer bringing it.
             * @default false
             */
            pickup: boolean;
        };
        /** @description Request: approve or reject a stocktake (`svc.inventory.stocktake.decide`). */
        DecideStocktake: {
            /** @description Book the variances (true) or not. */
            approve: boolean;
            /**
             * Format: int64
             * @description The version being decided (from `If-Match`).
             */
            expected_version: number;
            /** @description Stocktake id (from the path). */
            stocktake_id: string;
        };
        /** @description How one sending attempt ended. */
        DeliveryOutcome: "sent" | "failed" | "refused";
        /** @description Where a technician's departure stands. */
        DepartureState: "on_time" | "late" | "missing" | "pending" | "not_due";
        /**
         * @description Request: the workshop technician's diagnosis (`svc.dispatch.workshop.diagnose`), of a
         *     job received (or diagnosed again).
         */
        DiagnoseWorkshopJob: {
            /** @description What is wrong, 1–4000 characters. */
            diagnosis: string;
            /**
             * Format: int64
             * @description The version seen (`If-Match`).
             */
            expected_version?: number | null;
            /** @description Fault code from the company's fault list, active on it. */
            fault?: string | null;
            /** @description Job id or number. */
            job_id: string;
            /**
             * @description Parts the repair needs, up to 100 lines.
             * @default []
             */
            parts_needed: (components["schemas"]["PartUsed"] & {
                location?: unknown;
                quantity?: unknown;
                sku?: unknown;
            })[];
            /**
             * Format: uuid
             * @description The workshop technician who diagnoses and repairs it (a technician names
             *     themselves).
             */
            technician_id: string;
        };
        /** @description How a dispatch report groups. */
        DispatchGroup: "technician" | "district";
        /** @description One line of the dispatch report. */
        DispatchLine: {
            /**
             * Format: uint32
             * @description Of which completed (fixed).
             */
            completed: number;
            /**
             * Format: uint32
             * @description First-time fixes ÷ first visits, tenths of a percent.
             */
            first_time_fix_tenths: number;
            /**
             * Format: uint32
             * @description Tickets whose first visit in the period fixed them.
             */
            first_time_fixes: number;
            /**
             * Format: uint32
             * @description Tickets visited for the first time in the period.
             */
            first_visits: number;
            /**
             * Format: uint32
             * @description Shift minutes of the days worked left for neither (technicians only).
             */
            idle_minutes: number;
            /** @description Technician id or district. */
            key: string;
            /** @description Technician name or district. */
            name: string;
            /**
             * Format: uint32
             * @description Of which the technician started work by the window's end.
             */
            on_time: number;
            /**
             * Format: uint32
             * @description On time ÷ with appointment, tenths of a percent.
             */
            on_time_tenths: number;
            /**
             * Format: uint32
             * @description Return visits (a second visit to the same ticket).
             */
            return_visits: number;
            /**
             * Format: uint32
             * @description Minutes on site.
             */
            service_minutes: number;
            /**
             * Format: uint32
             * @description Minutes of travel in the published routes.
             */
            travel_minutes: number;
            /**
             * Format: uint32
             * @description Service ÷ shift minutes of the days worked, tenths of a percent (technicians only).
             */
            utilisation_tenths: number;
            /**
             * Format: uint32
             * @description Visits reported.
             */
            visits: number;
            /**
             * Format: uint32
             * @description Visits with an agreed appointment.
             */
            with_appointment: number;
        };
        /** @description The dispatch report. */
        DispatchReport: {
            /**
             * Format: date
             * @description First local day.
             */
            from: string;
            /** @description Grouping. */
            group_by: components["schemas"]["DispatchGroup"];
            /** @description Lines by name. */
            lines: components["schemas"]["DispatchLine"][];
            /**
             * Format: date
             * @description Last local day.
             */
            to: string;
        };
        /** @description One district's day. */
        DistrictDay: {
            /** @description District. */
            district: string;
            /**
             * Format: uint32
             * @description Tickets opened.
             */
            tickets_opened: number;
            /**
             * Format: uint32
             * @description Visits finished.
             */
            visits_completed: number;
        };
        /** @description How long visits take by kind of work and model, for new work orders and routes. */
        DurationDefaults: {
            /** @description The rules; a model's rule wins over the kind's. */
            rules: components["schemas"]["DurationRule"][];
            /**
             * Format: int64
             * @description Version (0: the built-in ones).
             */
            version: number;
        };
        /** @description Expected minutes on site for one kind of work, optionally for one model. */
        DurationRule: {
            /**
             * Format: uint32
             * @description Minutes on site, 5–720.
             */
            minutes: number;
            /** @description Only this model (case-insensitive); absent: any model. */
            model?: string | null;
            /** @description The kind of work. */
            work_type: components["schemas"]["WorkType"];
        };
        /** @description A knowledge-base article. */
        FaqArticle: {
            /** @description Answer. */
            answer: string;
            /**
             * Format: date-time
             * @description Created.
             */
            created_at: string;
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /** @description Human number, `FAQ2026-000012`. */
            number: string;
            /** @description Product line. */
            product_line: string;
            /** @description Question. */
            question: string;
            /**
             * Format: int64
             * @description Tickets resolved on the phone with it.
             */
            uses: number;
        };
        /**
         * @description One code on the company's fault list (故障代码): what visit reports name as the fault
         *     and quality warnings count repeats by.
         */
        FaultCode: {
            /**
             * @description Whether a visit report may name it (an inactive code stays on the list for the
             *     reports that named it).
             */
            active: boolean;
            /** @description The code, 1–64 of `a-z`, `0-9`, `_`; each once on the list. */
            code: string;
            /** @description Its name in English, 1–100 characters. */
            label_en: string;
            /** @description Its name in Chinese, 1–100 characters. */
            label_zh: string;
        };
        /** @description The company's fault list: the codes a visit report may name. */
        FaultCodes: {
            /** @description The codes in the order the field app offers them. */
            codes: components["schemas"]["FaultCode"][];
            /**
             * Format: int64
             * @description Version (0: the built-in list).
             */
            version: number;
        };
        /** @description A fee schedule version; versions never change, a new one takes over on its day. */
        FeeSchedule: {
            /**
             * Format: date-time
             * @description When.
             */
            created_at: string;
            /** @description Who published it. */
            created_by: string;
            /**
             * Format: date
             * @description First day it applies.
             */
            effective_from: string;
            /** @description The terms. */
            terms: components["schemas"]["FeeTerms"];
            /**
             * Format: uint32
             * @description 1, 2, …
             */
            version: number;
        };
        /**
         * @description The terms of a fee schedule (统一收费标准). Rounding: labour is charged per started
         *     quarter hour at a quarter of the hourly price; the discount is taken per line; every
         *     fraction of a minor unit is rounded half up. Prices include tax; the receipt shows
         *     the tax part of what is charged.
         */
        FeeTerms: {
            /**
             * @description Brands' own warranties.
             * @default []
             */
            brand_warranties: components["schemas"]["BrandWarranty"][];
            /** @description Call-out fees; exactly one row has neither district nor kind (the default). */
            call_out: components["schemas"]["CallOutFee"][];
            /** @description ISO 4217 currency of every amount. */
            currency: string;
            /**
             * @description Flat labour prices by repair category.
             * @default []
             */
            flat_labour: components["schemas"]["FlatLabourRate"][];
            /**
             * Format: uint32
             * @description Discount on call-out and labour for key accounts (parts are at list price), in
             *     basis points, 0–5000.
             * @default 0
             */
            key_account_discount_bp: number;
            /**
             * Format: int64
             * @description Labour per hour, minor units.
             */
            labour_per_hour_minor: number;
            /**
             * @description Fault codes that mean misuse or human damage (人为损坏): neither a warranty nor a
             *     contract covers such a visit.
             * @default []
             */
            misuse_faults: string[];
            /**
             * @description Whether a refused quotation (报价) ends the visit charging its call-out (true, the
             *     default) or nothing (false).
             * @default true
             */
            refused_quote_call_out: boolean;
            /**
             * @description Whether the return visit of a repair that waited for parts (待修) charges a call-out
             *     of its own (true) or not (false, the default: the first visit's receipt charged it).
             * @default false
             */
            return_visit_call_out: boolean;
            /**
             * Format: uint32
             * @description Value-added tax included in the prices, basis points, 0–3000.
             * @default 0
             */
            tax_rate_bp: number;
            /**
             * Format: uint32
             * @description The dealer's free-service period from purchase ("one year free"), 1–60 months.
             */
            warranty_months: number;
        };
        /** @description One invalid field, named by its JSON path (`customer.phone`). */
        FieldError: {
            /** @description Stable machine code (`required`, `too_long`, `invalid`, `unknown_field`, …). */
            code: string;
            /** @description JSON path of the field in the request body. */
            field: string;
            /** @description Human explanation in English; the console translates by `code`. */
            message: string;
        };
        /**
         * @description A flat labour price for a repair category: a visit whose fault code is the category,
         *     or starts with `category-`, is charged this instead of hourly labour.
         */
        FlatLabourRate: {
            /**
             * Format: int64
             * @description The flat price, minor units.
             */
            amount_minor: number;
            /** @description Repair category, 1–64 characters, e.g. `PAPER-FEED`. */
            category: string;
        };
        /**
         * @description A follow-up of an unhappy rating or a comment: the responsible agent answers the
         *     customer within one working day, or it escalates after two.
         */
        FollowUp: {
            /** @description The responsible agent, when known (otherwise any agent takes it). */
            agent?: string | null;
            /**
             * Format: uuid
             * @description The callback that raised it.
             */
            callback_id: string;
            /**
             * Format: date-time
             * @description When created.
             */
            created_at: string;
            /**
             * Format: date-time
             * @description Answer due (one working day).
             */
            due_at: string;
            /**
             * Format: date-time
             * @description Escalation time (two working days).
             */
            escalate_at: string;
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /** @description What raised it: low ratings and the comment. */
            reasons: string[];
            /** @description How it was resolved. */
            resolution?: string | null;
            /**
             * Format: date-time
             * @description When resolved.
             */
            resolved_at?: string | null;
            /** @description State. */
            status: components["schemas"]["FollowUpStatus"];
            /**
             * Format: uuid
             * @description Its ticket.
             */
            ticket_id: string;
            /**
             * Format: int64
             * @description Optimistic-concurrency version.
             */
            version: number;
            /**
             * Format: uuid
             * @description Its work order.
             */
            work_order_id: string;
        };
        /** @description Follow-up state. */
        FollowUpStatus: "open" | "escalated" | "resolved";
        /** @description One part of a forecast plan. */
        ForecastLine: {
            /**
             * Format: double
             * @description Its bias (forecast − actual per month).
             */
            bias?: number | null;
            /**
             * Format: int64
             * @description Available at the location plus on order now.
             */
            covered: number;
            /** @description Consumption per month, oldest first. */
            history: number[];
            /**
             * Format: double
             * @description The method's mean absolute scaled error on the history (against the naive forecast).
             */
            mase?: number | null;
            /** @description The method used, e.g. `sba(0.1)`. */
            method: string;
            /**
             * Format: uint32
             * @description Units needed over the horizon after scaling (rounded up).
             */
            need: number;
            /** @description smooth, erratic, intermittent, lumpy or none. */
            pattern: string;
            /**
             * Format: double
             * @description Demand per month by the method.
             */
            per_month: number;
            /** @description Part. */
            sku: string;
            /**
             * Format: uint32
             * @description Units to buy.
             */
            to_buy: number;
        };
        /** @description A forecast plan with its assumptions. */
        ForecastPlan: {
            /** @description The assumptions it was made on. */
            assumptions: components["schemas"]["StartForecastPlan"];
            /**
             * Format: date-time
             * @description When.
             */
            created_at: string;
            /** @description Who drafted it. */
            created_by: string;
            /** @description First month of the history (`2025-11`). */
            history_from: string;
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /** @description Lines, by SKU. */
            lines: components["schemas"]["ForecastLine"][];
            /** @description Purchase requests made on approval. */
            purchase_requests: string[];
            /** @description State. */
            status: components["schemas"]["ForecastStatus"];
            /**
             * Format: int64
             * @description Optimistic-concurrency version.
             */
            version: number;
        };
        /** @description A forecast plan's state. */
        ForecastStatus: "draft" | "approved";
        /** @description A map position (WGS 84), for route planning. */
        GeoPoint: {
            /**
             * Format: double
             * @description Latitude, −90 to 90.
             */
            lat: number;
            /**
             * Format: double
             * @description Longitude, −180 to 180.
             */
            lon: number;
        };
        /** @description Request: the form behind a link (`svc.survey.form.get`). */
        GetAnswerForm: {
            /** @description The link's token. */
            token: string;
        };
        /**
         * @description The image types accepted, each recognised by its first bytes (the declared
         *     `Content-Type` must name the same type).
         */
        ImageType: "image/jpeg" | "image/png" | "image/webp";
        /** @description Satisfaction index groups. */
        IndexGroup: "team" | "district";
        /** @description Request: record the inspection of a returned machine (`svc.intake.ticket.inspect_return`). */
        InspectReturn: {
            /**
             * Format: int64
             * @description The version the inspector saw; a stale one is refused.
             */
            expected_version: number;
            /** @description What the inspection found, 1–2000 characters. */
            notes: string;
            /** @description The verdict. */
            outcome: components["schemas"]["ReturnOutcome"];
            /** @description Ticket id or number. */
            ticket_id: string;
        };
        /** @description Period length of an index trend. */
        Interval: "month" | "quarter";
        /** @description A receipt (票据) as the gateway shows it. */
        Invoice: {
            /** @description Credited by credit notes. */
            credited: components["schemas"]["Money"];
            /**
             * Format: uuid
             * @description The customer's record, when the ticket was linked to one.
             */
            customer_id?: string | null;
            /** @description Customer name. */
            customer_name: string;
            /**
             * Format: uint32
             * @description The fee schedule version the receipt was priced by.
             */
            fee_schedule_version: number;
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /** @description An IOU (欠条) the customer signed for what is owed, if any. */
            iou?: components["schemas"]["Iou"] | null;
            /**
             * Format: date-time
             * @description When issued.
             */
            issued_at: string;
            /** @description Lines. */
            lines: components["schemas"]["InvoiceLine"][];
            /** @description Gapless per year: `R2026-000981`. */
            number: string;
            /** @description Still owed: charged less paid and credited. */
            outstanding: components["schemas"]["Money"];
            /** @description Paid so far. */
            paid: components["schemas"]["Money"];
            /** @description The part of `total_charged` that is value-added tax (prices include tax). */
            tax_included: components["schemas"]["Money"];
            /**
             * Format: uint32
             * @description The tax rate applied, in basis points (1300 = 13 %).
             */
            tax_rate_bp: number;
            /**
             * Format: uuid
             * @description Its ticket.
             */
            ticket_id: string;
            /** @description Sum of line amounts. */
            total: components["schemas"]["Money"];
            /** @description Sum of charged amounts: what the customer owes. */
            total_charged: components["schemas"]["Money"];
            /**
             * Format: uuid
             * @description The work order billed.
             */
            work_order_id: string;
        };
        /** @description One priced line of a receipt. */
        InvoiceLine: {
            /** @description Value of the line at price (what the work cost). */
            amount: components["schemas"]["Money"];
            /** @description What the customer is charged (zero when covered; less the discount otherwise). */
            charged: components["schemas"]["Money"];
            /** @description Why it is or is not charged. */
            coverage: components["schemas"]["Coverage"];
            /**
             * @description The coverage decision in words, printed on the receipt.
             * @default
             */
            coverage_note: string;
            /** @description Printed text. */
            description: string;
            /** @description Key-account discount taken off a chargeable line. */
            discount?: components["schemas"]["Money"] | null;
            /** @description What it is for. */
            kind: components["schemas"]["LineKind"];
            /** @description How a labour line was counted (labour lines only). */
            labour?: components["schemas"]["LabourCount"] | null;
            /**
             * Format: uint32
             * @description Units: started quarter hours for labour charged by the hour (the minutes on site
             *     rounded up to the next quarter hour, at least one), 1 for a flat labour rate and
             *     the call-out, the number of parts.
             */
            quantity: number;
            /** @description The part, for part lines. */
            sku?: string | null;
            /**
             * @description Price per unit (for labour by the hour: a quarter of the hourly price, rounded half
             *     up to the minor unit).
             */
            unit_price: components["schemas"]["Money"];
        };
        /** @description Where a receipt stands in the receipts list. */
        InvoiceState: "open" | "settled";
        /** @description An IOU (欠条): the customer's signed promise to pay what a receipt still owes. */
        Iou: {
            /**
             * Format: date
             * @description The day they promised to pay by.
             */
            promised_on: string;
            /**
             * Format: date-time
             * @description When.
             */
            recorded_at: string;
            /** @description Who recorded it. */
            recorded_by: string;
            /** @description Who signed it. */
            signed_by: string;
        };
        /** @description The mean score of one question over a period. */
        ItemScore: {
            /** @description Question key. */
            key: string;
            /**
             * Format: uint32
             * @description Mean, thousandths (rounded half up).
             */
            mean_milli: number;
            /**
             * Format: uint32
             * @description Ratings given.
             */
            ratings: number;
        };
        /**
         * @description How the labour of a visit was counted, as the fee schedule rounds it: by the hour in
         *     started quarter hours (`quarter_hours` × the line's unit price, a quarter of the hourly
         *     price), or at a flat rate for the fault's repair category.
         */
        LabourCount: {
            /** @description The repair category whose flat rate is charged instead of hourly labour. */
            flat_rate_category?: string | null;
            /**
             * Format: uint32
             * @description Minutes on site, from the arrival to the end of the work.
             */
            minutes_on_site: number;
            /**
             * Format: uint32
             * @description Started quarter hours charged (the line's quantity: 62 minutes are 5), when labour
             *     is charged by the hour.
             */
            quarter_hours?: number | null;
        };
        /** @description The language notifications are written in. */
        Language: "zh-CN" | "en";
        /** @description Days a technician is away. */
        Leave: {
            /**
             * Format: date
             * @description First day away.
             */
            from: string;
            /**
             * @description Why, up to 200 characters.
             * @default
             */
            reason: string;
            /**
             * Format: date
             * @description Last day away.
             */
            to: string;
        };
        /** @description A work order a day plan left out, and why. */
        LeftOut: {
            /** @description Its number. */
            number: string;
            /** @description Why it is not on a route. */
            reason: string;
            /**
             * Format: uuid
             * @description The technician it is assigned to, if any.
             */
            technician_id?: string | null;
            /**
             * Format: uuid
             * @description Work order.
             */
            work_order_id: string;
        };
        /** @description The five rating levels of the questionnaire. */
        Level: "very_satisfied" | "satisfied" | "neutral" | "dissatisfied" | "very_dissatisfied";
        /** @description The score of one level, in thousandths (1.1 = 1100). */
        LevelScore: {
            /** @description The level. */
            level: components["schemas"]["Level"];
            /**
             * Format: uint32
             * @description Its score in thousandths, 0–10000.
             */
            score_milli: number;
        };
        /** @description What a line charges for. */
        LineKind: "call_out" | "labour" | "part";
        /**
         * @description `ended`: the access that opened the stream ended (signed out, disabled, expired,
         *     revoked); the stream closes after it.
         */
        LiveEnded: {
            /** @description Why. */
            reason: string;
        };
        /** @description `lagged`: updates were dropped because the reader was slow; read again what is shown. */
        LiveLagged: {
            /**
             * Format: uint64
             * @description How many updates were dropped.
             */
            missed: number;
        };
        /** @description `ready`: the stream is open. */
        LiveReady: {
            /** @description The caller's role. */
            role: components["schemas"]["Role"];
        };
        /**
         * @description One change (the event name is its `type`): the ids concerned, never personal data.
         *     The client reads the object through the API, where the usual rules apply.
         */
        LiveUpdate: {
            /**
             * Format: uuid
             * @description The callback concerned.
             */
            callback_id?: string | null;
            /** @description When it happened (RFC 3339). */
            occurred_at: string;
            /**
             * Format: uuid
             * @description The outbound call task concerned (`survey.call_task.*`: one fell due, or went to the
             *     manager); the console reminds its assignee.
             */
            task_id?: string | null;
            /**
             * Format: uuid
             * @description The ticket concerned.
             */
            ticket_id?: string | null;
            /** @description Event type, e.g. `dispatch.workorder.assigned` (also the SSE `event`). */
            type: string;
            /**
             * Format: uuid
             * @description The work order concerned.
             */
            work_order_id?: string | null;
        };
        /** @description A stock location. */
        Location: {
            /** @description Code. */
            code: string;
            /** @description Kind. */
            kind: components["schemas"]["LocationKind"];
            /** @description Name. */
            name: string;
            /**
             * Format: uuid
             * @description For a van: its technician.
             */
            technician_id?: string | null;
        };
        /** @description What kind of place stock is kept in. */
        LocationKind: "warehouse" | "van" | "workshop";
        /** @description A machine as the gateway shows it. */
        Machine: {
            /** @description Brand. */
            brand: string;
            /** @description The annual maintenance contract covering it (from billing, or set by the desk). */
            contract?: components["schemas"]["MachineContract"] | null;
            /**
             * Format: date-time
             * @description Registered.
             */
            created_at: string;
            /**
             * Format: uuid
             * @description The owner.
             */
            customer_id: string;
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /** @description Where it stands. */
            install_location: string;
            /** @description The last meter reading (复印量) a technician reported, and when. */
            last_meter_reading?: components["schemas"]["MeterReading"] | null;
            /** @description Model. */
            model: string;
            /**
             * @description Notes.
             * @default
             */
            notes: string;
            /** @description Product line. */
            product_line: string;
            /**
             * Format: date
             * @description Purchase date.
             */
            purchase_date?: string | null;
            /** @description Serial number. */
            serial: string;
            /**
             * Format: int64
             * @description Optimistic-concurrency version.
             */
            version: number;
            /**
             * Format: date
             * @description Warranty end.
             */
            warranty_end?: string | null;
        };
        /** @description The contract reference on a machine. */
        MachineContract: {
            /**
             * Format: date
             * @description Last day covered.
             */
            ends_on: string;
            /** @description Contract number, `K2026-000001`. */
            number: string;
        };
        /** @description The machine the request is about. */
        MachineInfo: {
            /** @description Brand, e.g. Sharp. */
            brand: string;
            /** @description Model, e.g. AR-2048. */
            model: string;
            /** @description Product line: copier, fax, printer, software, … */
            product_line: string;
            /**
             * Format: date
             * @description Purchase date; warranty runs from it.
             */
            purchase_date?: string | null;
            /** @description Serial number (机身号). */
            serial: string;
        };
        /** @description One ticket about the machine, with its work orders. */
        MachineServiceEntry: {
            /**
             * Format: date-time
             * @description When it was registered.
             */
            opened_at: string;
            /** @description The ticket's state. */
            status: components["schemas"]["TicketStatus"];
            /** @description The fault as the customer described it. */
            symptom: string;
            /**
             * Format: uuid
             * @description The ticket.
             */
            ticket_id: string;
            /** @description Its number, `T2026-000042`. */
            ticket_number: string;
            /** @description What was asked for. */
            type: components["schemas"]["TicketType"];
            /** @description Its work orders, newest first (none when no visit was sent). */
            visits: components["schemas"]["MachineVisit"][];
        };
        /** @description One work order on the machine and what its visit report said. */
        MachineVisit: {
            /**
             * Format: date-time
             * @description When the visit was reported.
             */
            completed_at?: string | null;
            /**
             * Format: uint8
             * @description Toner or ink left, percent.
             */
            consumables_level?: number | null;
            /**
             * Format: date-time
             * @description Created.
             */
            created_at: string;
            /** @description The diagnosis. */
            diagnosis?: string | null;
            /** @description The fault code from the company's fault list. */
            fault?: string | null;
            /**
             * Format: date-time
             * @description On site until (from the report).
             */
            finished_at?: string | null;
            /**
             * Format: uint64
             * @description The meter reading (复印量) taken at the visit.
             */
            meter_reading?: number | null;
            /** @description Its number, `W2026-000042`. */
            number: string;
            /** @description How the visit ended. */
            outcome?: components["schemas"]["VisitOutcome"] | null;
            /** @description Parts used. */
            parts: components["schemas"]["PartUsed"][];
            /** @description What was done, as reported. */
            result?: string | null;
            /**
             * Format: date-time
             * @description On site from (from the report).
             */
            started_at?: string | null;
            /** @description Its state. */
            status: components["schemas"]["WorkOrderStatus"];
            /**
             * Format: uuid
             * @description The technician it is (or was last) assigned to.
             */
            technician_id?: string | null;
            /** @description That technician's name. */
            technician_name?: string | null;
            /**
             * Format: uuid
             * @description The work order.
             */
            work_order_id: string;
            /** @description What it was for. */
            work_type: components["schemas"]["WorkType"];
        };
        /** @description What a maintenance plan is for. */
        MaintenanceKind: "first_visit" | "monthly_cleaning" | "contract";
        /** @description A maintenance plan (防火服务): visits that fall due on their own. */
        MaintenancePlan: {
            /** @description Still producing visits. */
            active: boolean;
            /** @description Address. */
            address: string;
            /** @description Company. */
            company: string;
            /**
             * Format: uuid
             * @description The customer.
             */
            customer_id: string;
            /** @description District. */
            district: string;
            /**
             * Format: uint32
             * @description Months between visits; 0 for a single visit.
             */
            every_months: number;
            /** @description Visits generated so far (due days). */
            generated: string[];
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /** @description What for. */
            kind: components["schemas"]["MaintenanceKind"];
            /** @description The machine. */
            machine: components["schemas"]["MachineInfo"];
            /**
             * Format: date
             * @description The next visit falls due on this day.
             */
            next_due: string;
            /**
             * Format: date
             * @description No visits after this day.
             */
            until?: string | null;
        };
        /** @description A movement someone records by hand. */
        ManualMovement: "transfer" | "return" | "adjustment";
        /**
         * @description A manufacturer warranty claim (厂家索赔): one open draft per brand gathers the lines
         *     receipts charge to that brand until it is submitted.
         */
        ManufacturerClaim: {
            /** @description The brand claimed from. */
            brand: string;
            /**
             * Format: date-time
             * @description When the draft was opened.
             */
            created_at: string;
            /** @description The brand's own fields (dealer code, claim form number, …). */
            fields: {
                [key: string]: string;
            };
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /** @description What is claimed. */
            lines: components["schemas"]["ClaimLine"][];
            /** @description The brand's decision or remark. */
            note?: string | null;
            /** @description Per year: `MC2026-000001`. */
            number: string;
            /** @description What the brand paid. */
            paid?: components["schemas"]["Money"] | null;
            /** @description The removed parts that go back, summed by SKU. */
            removed_parts: components["schemas"]["RemovedPart"][];
            /** @description Where it stands. */
            status: components["schemas"]["ClaimStatus"];
            /** @description Sum of the lines. */
            total: components["schemas"]["Money"];
            /**
             * Format: date-time
             * @description When it last changed state.
             */
            updated_at: string;
            /**
             * Format: int64
             * @description Optimistic-concurrency version, also the ETag.
             */
            version: number;
        };
        /** @description Where map tiles come from. */
        MapSettings: {
            /**
             * @description XYZ tile URL template with `{z}`, `{x}` and `{y}` (Web Mercator, 256-pixel tiles);
             *     null: no tile server, the board draws positions on a plain plane.
             */
            tile_url?: string | null;
        };
        /** @description The signed-in caller. */
        Me: {
            /** @description Account id (`ticket:<number>` for a ticket-code session, `oidc:<sub>` for OIDC). */
            account_id: string;
            /**
             * Format: uuid
             * @description Customer record, for customer accounts.
             */
            customer_id?: string | null;
            /** @description Role. */
            role: components["schemas"]["Role"];
            /**
             * Format: uuid
             * @description Technician, for technician accounts.
             */
            technician_id?: string | null;
            /**
             * Format: uuid
             * @description The one ticket a ticket-code session may follow.
             */
            ticket_id?: string | null;
        };
        /**
         * @description Request: merge a duplicate customer record into this one (`svc.intake.customer.merge`):
         *     its tickets, machines, warranty cards and contacts move here, it is marked merged into
         *     this record, and both histories say so.
         */
        MergeCustomers: {
            /** @description The record that stays (id or number). */
            customer_id: string;
            /** @description The duplicate (id or number). */
            duplicate_id: string;
            /**
             * Format: int64
             * @description The version of the record that stays, as the caller saw it.
             */
            expected_version: number;
            /**
             * @description Why, up to 2000 characters.
             * @default
             */
            reason: string;
        };
        /** @description One attempt at sending a message. */
        MessageAttempt: {
            /**
             * Format: date-time
             * @description When it was made.
             */
            at: string;
            /**
             * Format: uint32
             * @description Which attempt, from 1.
             */
            attempt: number;
            /** @description What the provider said, or why it was not reached (failed and refused attempts). */
            error?: string | null;
            /** @description How it ended. */
            outcome: components["schemas"]["DeliveryOutcome"];
            /**
             * Format: uint16
             * @description The provider's answer code (an HTTP status, an SMTP reply code), when it answered.
             */
            provider_status?: number | null;
        };
        /** @description What a message is about: a notification kind, or a one-time code. */
        MessageKind: "request_received" | "technician_booked" | "waiting_for_parts" | "work_done" | "receipt_issued" | "callback_due" | "answer_link" | "machine_received" | "ready_for_return" | "one_time_code";
        /** @description Where a message's delivery stands. */
        MessageStatus: "pending" | "failed" | "sent" | "dead_lettered" | "unsent";
        /** @description A meter reading (复印量) from a visit. */
        MeterReading: {
            /**
             * Format: date-time
             * @description When it was read (the visit's end).
             */
            at: string;
            /**
             * Format: uint64
             * @description Pages counted.
             */
            reading: number;
            /**
             * Format: uuid
             * @description The work order of the visit.
             */
            work_order_id: string;
        };
        /** @description An amount of money in minor units (fen for CNY), so sums and taxes never drift. */
        Money: {
            /**
             * Format: int64
             * @description Integer minor units, e.g. 12800 for ¥128.00.
             */
            amount_minor: number;
            /** @description ISO 4217 code, e.g. `CNY`. */
            currency: string;
        };
        /**
         * @description Request: move a purchase request on (`svc.inventory.purchase.transition`):
         *     approved (manager), ordered (with the supplier's reference), received (books the
         *     receipt), cancelled.
         */
        MovePurchaseRequest: {
            /**
             * Format: int64
             * @description The version being changed (from `If-Match`).
             */
            expected_version: number;
            /** @description Request id or number (from the path). */
            purchase_id: string;
            /**
             * @description Supplier order or delivery reference, up to 200 characters.
             * @default
             */
            reference: string;
            /** @description The new state. */
            to: components["schemas"]["PurchaseStatus"];
        };
        /** @description One new customer's welcome call. */
        NewContactLine: {
            /** @description What the call is about (brand, model). */
            about: string;
            /** @description Who makes the call. */
            assignee: string;
            /** @description Customer. */
            customer_name: string;
            /** @description District. */
            district: string;
            /**
             * Format: date-time
             * @description When it is due.
             */
            due_at: string;
            /** @description The day's last attempt, if one was made. */
            last_attempt?: components["schemas"]["CallOutcome"] | null;
            /** @description The warranty card or machine the call is about. */
            reference: string;
            /** @description How it ended, when closed. */
            result?: components["schemas"]["CallResult"] | null;
            /** @description Where it stands at the report time. */
            state: components["schemas"]["CallTaskState"];
            /**
             * Format: uuid
             * @description The call task.
             */
            task_id: string;
        };
        /** @description Who sees a note on a ticket. */
        NoteVisibility: "internal" | "customer";
        /** @description How a customer wants to hear from the service department. */
        NotificationChannel: "sms" | "email" | "wechat";
        /**
         * @description Reply to [`GetNotificationChannels`]: the channels configured. A message on a channel
         *     not listed is kept unsent (trial mode: with none, every message is).
         */
        NotificationChannels: {
            /** @description The channels with a provider configured. */
            configured: components["schemas"]["NotificationChannel"][];
        };
        /** @description What a customer is told about. */
        NotificationKind: "request_received" | "technician_booked" | "waiting_for_parts" | "work_done" | "receipt_issued" | "callback_due" | "answer_link" | "machine_received" | "ready_for_return";
        /**
         * @description The text of one kind of message in one language. Placeholders: `{number}` (ticket),
         *     `{company}`, `{technician}`, `{total}` (receipt, yuan), `{due}` (local date and time).
         */
        NotificationTemplate: {
            /** @description Which message. */
            kind: components["schemas"]["NotificationKind"];
            /** @description Its language. */
            language: components["schemas"]["Language"];
            /** @description The text, 1–500 characters. */
            text: string;
        };
        /** @description All templates with the version of the set. */
        NotificationTemplates: {
            /** @description One per kind and language. */
            templates: components["schemas"]["NotificationTemplate"][];
            /**
             * Format: int64
             * @description Version of the set, also the ETag (0: the built-in texts).
             */
            version: number;
        };
        /** @description Request: register a new ticket (`svc.intake.ticket.open`). */
        OpenTicket: {
            /** @description Photos, logs and documents stored elsewhere, by reference (at most 20). */
            attachments?: components["schemas"]["Attachment"][];
            /** @description Channel the request came in on. */
            channel: components["schemas"]["Channel"];
            customer: components["schemas"]["CustomerInfo"] & {
                address?: unknown;
                district?: unknown;
                name?: unknown;
                phone?: unknown;
            };
            /**
             * Format: uuid
             * @description The customer record this request belongs to; the gateway sets it to the caller's
             *     own for customer accounts, so customers see their own requests only.
             */
            customer_id?: string | null;
            /** @description The machine, when the request concerns one. */
            machine?: (components["schemas"]["MachineInfo"] & {
                brand?: unknown;
                model?: unknown;
                product_line?: unknown;
                serial?: unknown;
            }) | null;
            /**
             * @description The machine cannot be used at all.
             * @default false
             */
            machine_down: boolean;
            /** @description Who reported it, when not the customer's contact (a dealer, a colleague). */
            reporter?: components["schemas"]["Reporter"] | null;
            /** @description Why the customer returns the machine; required for returns, refused otherwise. */
            return_reason?: components["schemas"]["ReturnReason"] | null;
            /** @description The customer's description, 1–4000 characters. */
            symptom: string;
            /** @description What is asked for. */
            type: components["schemas"]["TicketType"];
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page: {
            /** @description The items of this page. */
            items: components["schemas"]["Account"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page2: {
            /** @description The items of this page. */
            items: components["schemas"]["ApiToken"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page3: {
            /** @description The items of this page. */
            items: components["schemas"]["AuditEntry"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page4: {
            /** @description The items of this page. */
            items: components["schemas"]["Ticket"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page5: {
            /** @description The items of this page. */
            items: components["schemas"]["TicketHistoryEntry"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page6: {
            /** @description The items of this page. */
            items: components["schemas"]["SettingVersion"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page7: {
            /** @description The items of this page. */
            items: components["schemas"]["FaqArticle"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page8: {
            /** @description The items of this page. */
            items: components["schemas"]["TicketNote"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page9: {
            /** @description The items of this page. */
            items: components["schemas"]["Customer"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page10: {
            /** @description The items of this page. */
            items: components["schemas"]["RecordChange"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page11: {
            /** @description The items of this page. */
            items: components["schemas"]["Machine"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page12: {
            /** @description The items of this page. */
            items: components["schemas"]["MachineServiceEntry"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page13: {
            /** @description The items of this page. */
            items: components["schemas"]["ProductLine"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page14: {
            /** @description The items of this page. */
            items: components["schemas"]["WorkOrder"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page15: {
            /** @description The items of this page. */
            items: components["schemas"]["WorkOrderHistoryEntry"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page16: {
            /** @description The items of this page. */
            items: components["schemas"]["Technician"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page17: {
            /** @description The items of this page. */
            items: components["schemas"]["MaintenancePlan"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page18: {
            /** @description The items of this page. */
            items: components["schemas"]["WorkshopJob"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page19: {
            /** @description The items of this page. */
            items: components["schemas"]["Attachment2"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page20: {
            /** @description The items of this page. */
            items: components["schemas"]["Part"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page21: {
            /** @description The items of this page. */
            items: components["schemas"]["StockMovement"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page22: {
            /** @description The items of this page. */
            items: components["schemas"]["ForecastPlan"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page23: {
            /** @description The items of this page. */
            items: components["schemas"]["StockRule"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page24: {
            /** @description The items of this page. */
            items: components["schemas"]["PurchaseRequest"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page25: {
            /** @description The items of this page. */
            items: components["schemas"]["Location"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page26: {
            /** @description The items of this page. */
            items: components["schemas"]["Stocktake"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page27: {
            /** @description The items of this page. */
            items: components["schemas"]["Invoice"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page28: {
            /** @description The items of this page. */
            items: components["schemas"]["Contract"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page29: {
            /** @description The items of this page. */
            items: components["schemas"]["FeeSchedule"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page30: {
            /** @description The items of this page. */
            items: components["schemas"]["CreditNote"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page31: {
            /** @description The items of this page. */
            items: components["schemas"]["Payment"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page32: {
            /** @description The items of this page. */
            items: components["schemas"]["CashDay"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page33: {
            /** @description The items of this page. */
            items: components["schemas"]["Refund"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page34: {
            /** @description The items of this page. */
            items: components["schemas"]["ManufacturerClaim"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page35: {
            /** @description The items of this page. */
            items: components["schemas"]["ClaimRequirements"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page36: {
            /** @description The items of this page. */
            items: components["schemas"]["ClaimsOutstanding"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page37: {
            /** @description The items of this page. */
            items: components["schemas"]["Renewal"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page38: {
            /** @description The items of this page. */
            items: components["schemas"]["Callback"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page39: {
            /** @description The items of this page. */
            items: components["schemas"]["FollowUp"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page40: {
            /** @description The items of this page. */
            items: components["schemas"]["DailyReport"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page41: {
            /** @description The items of this page. */
            items: components["schemas"]["Ranking"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page42: {
            /** @description The items of this page. */
            items: components["schemas"]["Campaign"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page43: {
            /** @description The items of this page. */
            items: components["schemas"]["QualityWarning"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page44: {
            /** @description The items of this page. */
            items: components["schemas"]["CallTask"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list, with the opaque cursor of the next page. */
        Page45: {
            /** @description The items of this page. */
            items: components["schemas"]["SentMessage"][];
            /** @description Cursor for the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description A part with its stock position. */
        Part: {
            /**
             * Format: int64
             * @description On hand and not reserved.
             */
            available: number;
            /** @description Spare part or consumable. */
            category: components["schemas"]["PartCategory"];
            /** @description Models it fits. */
            compatible_models: string[];
            /**
             * Format: uint8
             * @description Failure-prone rating, 0–5.
             */
            failure_prone: number;
            /** @description List price. */
            list_price: components["schemas"]["Money"];
            /** @description The balance per location. */
            locations: components["schemas"]["StockLevel"][];
            /** @description Name. */
            name: string;
            /**
             * Format: int64
             * @description Units on hand across all locations.
             */
            on_hand: number;
            /**
             * Format: uint32
             * @description Pages a consumable lasts.
             */
            page_yield?: number | null;
            /**
             * Format: int64
             * @description Of which reserved for work orders.
             */
            reserved: number;
            /** @description SKU. */
            sku: string;
            /** @description Unit cost. */
            unit_cost?: components["schemas"]["Money"] | null;
            /**
             * Format: int64
             * @description Optimistic-concurrency version of the catalogue entry.
             */
            version: number;
        };
        /** @description Spare part or consumable. */
        PartCategory: "spare_part" | "consumable";
        /** @description One change of a part's list price, as inventory announced it. */
        PartPriceChange: {
            /**
             * Format: date-time
             * @description When it changed.
             */
            at: string;
            /** @description The price from `at` on. */
            list_price: components["schemas"]["Money"];
            /** @description The price before. */
            old_price: components["schemas"]["Money"];
        };
        /**
         * @description Billing's price book for one part: a part used on a visit is charged the list price in
         *     force when the visit finished, whenever inventory's consumption reaches billing.
         */
        PartPrices: {
            /** @description Changes, oldest first. */
            changes: components["schemas"]["PartPriceChange"][];
            /** @description Its catalogue name at the latest change. */
            name: string;
            /** @description The part. */
            sku: string;
        };
        /** @description Where a work order's parts stand with inventory. */
        PartsStatus: "reserved" | "backordered" | "arrived";
        /** @description A part used on a visit, as the technician reports it. */
        PartUsed: {
            /** @description The stock location it came from (the van, a warehouse); inventory picks when absent. */
            location?: string | null;
            /**
             * Format: uint32
             * @description Quantity, 1–1000.
             */
            quantity: number;
            /** @description Stock-keeping unit, 1–64 characters. */
            sku: string;
        };
        /** @description A payment. */
        Payment: {
            /** @description How much. */
            amount: components["schemas"]["Money"];
            /**
             * Format: date-time
             * @description When.
             */
            at: string;
            /**
             * Format: uuid
             * @description Technician who collected it.
             */
            collected_by?: string | null;
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /**
             * Format: uuid
             * @description The receipt.
             */
            invoice_id: string;
            /** @description How. */
            method: components["schemas"]["PaymentMethod"];
            /** @description Who recorded it. */
            recorded_by: string;
            /** @description Reference. */
            reference: string;
        };
        /** @description How a customer paid (recorded, not processed). */
        PaymentMethod: "cash" | "bank_transfer" | "wechat_pay" | "alipay";
        /** @description Request: record that a refund was paid (`svc.billing.refund.pay`). */
        PayRefund: {
            amount: components["schemas"]["Money"] & {
                amount_minor?: unknown;
            };
            /**
             * Format: int64
             * @description The version the clerk saw (`If-Match`).
             */
            expected_version: number;
            /** @description How. */
            method: components["schemas"]["PaymentMethod"];
            /**
             * @description Bank or wallet reference, up to 100 characters.
             * @default
             */
            reference: string;
            /** @description The refund, or its return ticket's id (from the path). */
            refund_id: string;
        };
        /** @description Whether a list shows personal data. */
        PersonalData: "masked" | "show";
        /**
         * @description Request: plan a day (`svc.dispatch.day_plan.publish`): every open work order of the
         *     day with an appointment or assigned for it goes into its technician's route.
         */
        PlanDay: {
            /**
             * Format: date
             * @description The local day.
             */
            date: string;
        };
        /** @description The caller's preferences; a field never set is absent. */
        Preferences: {
            /** @description The language the console opens in (`zh-CN` or `en`); absent: the browser's choice. */
            language?: components["schemas"]["Language"] | null;
            /**
             * @description The ticket queue's views saved by the account, at most 20, names unique; given, it
             *     replaces the whole list (`[]` deletes them all).
             */
            queue_views?: components["schemas"]["SavedView"][] | null;
        };
        /** @description Urgency, P1 (most urgent) to P4. */
        Priority: "p1" | "p2" | "p3" | "p4";
        /**
         * @description One priority rule: every condition given must hold; the first rule that matches sets
         *     the priority of a new ticket.
         */
        PriorityRule: {
            /** @description Words, any of which in the symptom (case-insensitive) matches, e.g. `["冒烟", "smoke"]`. */
            keywords?: string[];
            /** @description Whether the machine is down. */
            machine_down?: boolean | null;
            /**
             * @description Why the rule exists, up to 200 characters.
             * @default
             */
            note: string;
            /** @description The priority it sets. */
            priority: components["schemas"]["Priority"];
            /** @description The customer's tier. */
            tier?: components["schemas"]["CustomerTier"] | null;
            /** @description The request type. */
            type?: components["schemas"]["TicketType"] | null;
        };
        /** @description The priority rules in the order they are tried, with the version of the set. */
        PriorityRules: {
            /** @description Rules, first match wins; a ticket no rule matches gets P4. */
            rules: components["schemas"]["PriorityRule"][];
            /**
             * Format: int64
             * @description Version of the set, also the ETag.
             */
            version: number;
        };
        /** @description RFC 9457 problem details, with Aftercare's stable `code` and field `errors`. */
        Problem: {
            /** @description Stable machine code, for translation. */
            code: string;
            /** @description This occurrence. */
            detail: string;
            /** @description Field errors, for validation problems. */
            errors?: components["schemas"]["FieldError"][];
            /**
             * Format: uint16
             * @description HTTP status.
             */
            status: number;
            /** @description Short summary. */
            title: string;
            /** @description URI naming the problem type. */
            type: string;
        };
        /** @description A product line and its terms: warranty and return window. */
        ProductLine: {
            /** @description Name, lower case, 1–64 characters (`copier`, `fax`, `3d_printer`). */
            name: string;
            /**
             * Format: uint32
             * @description Days after purchase a machine may be returned (0–365).
             */
            return_days: number;
            /**
             * Format: uint32
             * @description Months of warranty from purchase (0–120).
             */
            warranty_months: number;
        };
        /** @description The prominent problems of a period. */
        ProminentProblems: {
            /** @description Comments given (up to 50, newest first). */
            comments: string[];
            /** @description The lowest-scoring questions, lowest first (up to 3). */
            lowest_items: components["schemas"]["ItemScore"][];
            /** @description Work orders whose callback found the problem back. */
            repeat_repairs: string[];
        };
        /**
         * @description A reply promised to the customer ("我会在X点前给您回复"): a task that warns before it is
         *     due and escalates when overdue, until the agent records the reply or the ticket closes.
         */
        PromisedReply: {
            /** @description What was promised, as the agent noted it; may be empty. */
            note?: string;
            /**
             * Format: date-time
             * @description When it was promised.
             */
            promised_at: string;
            /** @description The account that promised it. */
            promised_by: string;
            /**
             * Format: date-time
             * @description The customer was promised a reply by then.
             */
            reply_by: string;
        };
        /**
         * @description Request: promise the customer a reply by a time (`svc.intake.ticket.promise_reply`); a
         *     new promise replaces the one outstanding.
         */
        PromiseReply: {
            /**
             * Format: int64
             * @description The version the agent saw; a stale one is refused.
             */
            expected_version: number;
            /**
             * @description What was promised, up to 500 characters.
             * @default
             */
            note: string;
            /**
             * Format: date-time
             * @description The reply is due by then: in the future, at most 30 days ahead.
             */
            reply_by: string;
            /** @description Ticket id or number. */
            ticket_id: string;
        };
        /**
         * @description Request: publish the ranking of a closed period now (`svc.survey.ranking.publish`);
         *     a period already published returns its snapshot unchanged.
         */
        PublishRanking: {
            /**
             * Format: date
             * @description Any day inside the period.
             */
            day: string;
            /** @description Weekly or monthly. */
            kind: components["schemas"]["RankingKind"];
        };
        /** @description Why a purchase is requested. */
        PurchaseReason: "reorder" | "forecast" | "manual";
        /** @description A purchase request. */
        PurchaseRequest: {
            /** @description What it was based on (rule figures, forecast plan). */
            basis: string;
            /**
             * Format: date-time
             * @description When created.
             */
            created_at: string;
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /** @description Into which location. */
            location: string;
            /** @description Gapless per year: `PR2026-000001`. */
            number: string;
            /** @description Supplier order reference, once ordered. */
            order_reference?: string | null;
            /**
             * Format: uint32
             * @description Units.
             */
            quantity: number;
            /** @description Why. */
            reason: components["schemas"]["PurchaseReason"];
            /** @description The part. */
            sku: string;
            /** @description State. */
            status: components["schemas"]["PurchaseStatus"];
            /**
             * Format: int64
             * @description Optimistic-concurrency version.
             */
            version: number;
        };
        /** @description A purchase request's state. */
        PurchaseStatus: "draft" | "approved" | "ordered" | "received" | "cancelled";
        /** @description How many repeats in a window raise a warning. */
        QualityThreshold: {
            /**
             * Format: uint32
             * @description Visits with the same model and fault or part, 2–10,000.
             */
            count: number;
            /** @description Window. */
            window: components["schemas"]["QualityWindow"];
        };
        /** @description The thresholds quality warnings use. */
        QualityThresholds: {
            /** @description One per window. */
            thresholds: components["schemas"]["QualityThreshold"][];
            /**
             * Format: int64
             * @description Version (0: the built-in defaults).
             */
            version: number;
        };
        /** @description A quality early warning with its evidence. */
        QualityWarning: {
            /** @description Brand. */
            brand: string;
            /**
             * Format: uint32
             * @description Visits counted when raised.
             */
            count: number;
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /** @description The fault code or part SKU. */
            key: string;
            /** @description Model. */
            model: string;
            /**
             * Format: date-time
             * @description When raised.
             */
            raised_at: string;
            /** @description Fault or part. */
            repeat: components["schemas"]["RepeatKind"];
            /**
             * Format: uint32
             * @description The threshold reached.
             */
            threshold: number;
            /** @description Window. */
            window: components["schemas"]["QualityWindow"];
            /**
             * Format: date
             * @description First local day of the window.
             */
            window_start: string;
            /** @description Work order numbers (the evidence). */
            work_orders: string[];
        };
        /** @description The window a warning counts in. */
        QualityWindow: "month" | "quarter" | "year";
        /** @description One question of the questionnaire. */
        Question: {
            /** @description Stable key answers refer to, `[a-z0-9_]`, 1–40 characters. */
            key: string;
            /** @description Kind of answer. */
            kind: components["schemas"]["QuestionKind"];
            /**
             * @description For yes/no: a "no" means the problem persists (the ticket is reopened).
             * @default false
             */
            problem_persists_on_no: boolean;
            /** @description For ratings: whose score it counts towards. */
            rates?: components["schemas"]["Rated"] | null;
            /**
             * @description Whether an answer is required to complete the callback.
             * @default false
             */
            required: boolean;
            /** @description Question text in English, 1–500 characters. */
            text_en: string;
            /** @description Question text in Chinese, 1–500 characters. */
            text_zh: string;
        };
        /** @description The kind of a question. */
        QuestionKind: "yes_no" | "rating" | "text";
        /**
         * @description A version of the questionnaire. Versions are data: every answer keeps the version it
         *     was given against, so older answers still score as they were asked.
         */
        Questionnaire: {
            /** @description Level at or below which a rating needs a follow-up. */
            follow_up_at: components["schemas"]["Level"];
            /** @description Score per level; every level appears once. */
            levels: components["schemas"]["LevelScore"][];
            /** @description The questions, in the order they are asked. */
            questions: components["schemas"]["Question"][];
            /**
             * Format: date-time
             * @description When this version was saved.
             */
            updated_at: string;
            /** @description Who saved it. */
            updated_by: string;
            /**
             * Format: int64
             * @description Version, counting from 1 (the built-in one).
             */
            version: number;
        };
        /**
         * @description A quotation (报价): the price of chargeable work told to the customer before it is
         *     done, priced by the receipt's rules (call-out, labour, parts from the price book).
         */
        Quotation: {
            /** @description The customer's answer, once given. */
            answer?: components["schemas"]["QuotationAnswer"] | null;
            /**
             * @description What a refusal charges: the call-out when the fee schedule says a refused
             *     quotation charges it (`refused_quote_call_out`), otherwise nothing.
             */
            charged_if_refused: components["schemas"]["Money"];
            /**
             * Format: uint32
             * @description The fee schedule version it was priced by.
             */
            fee_schedule_version: number;
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /** @description The lines, as the receipt would hold them. */
            lines: components["schemas"]["InvoiceLine"][];
            /**
             * Format: date-time
             * @description When.
             */
            offered_at: string;
            /** @description The account that offered it. */
            offered_by: string;
            /**
             * Format: uuid
             * @description The receipt a refusal issued for the call-out, if any.
             */
            receipt_id?: string | null;
            /** @description Offered, accepted or refused. */
            state: components["schemas"]["QuotationState"];
            /** @description The part of `total_charged` that is value-added tax. */
            tax_included: components["schemas"]["Money"];
            /**
             * Format: uint32
             * @description The tax rate, in basis points.
             */
            tax_rate_bp: number;
            /**
             * Format: uuid
             * @description Its ticket.
             */
            ticket_id: string;
            /** @description Sum of line amounts. */
            total: components["schemas"]["Money"];
            /** @description What the customer is asked to pay. */
            total_charged: components["schemas"]["Money"];
            /**
             * Format: int64
             * @description Version (`ETag`); an answer names it in `If-Match`.
             */
            version: number;
            /**
             * Format: uuid
             * @description The work order quoted for.
             */
            work_order_id: string;
        };
        /** @description The customer's answer as recorded. */
        QuotationAnswer: {
            /** @description Accepted or refused. */
            answer: components["schemas"]["QuotationDecision"];
            /** @description Who answered for the customer. */
            answered_by: string;
            /**
             * Format: date-time
             * @description When.
             */
            at: string;
            /** @description What the customer said. */
            note: string;
            /** @description The account that recorded it. */
            recorded_by: string;
        };
        /** @description The customer's answer to a quotation. */
        QuotationDecision: "accepted" | "refused";
        /** @description The quotations of a work order, newest first. */
        QuotationList: {
            /** @description The quotations. */
            items: components["schemas"]["Quotation"][];
        };
        /**
         * @description Where a quotation (报价) stands: offered to the customer, then accepted or refused
         *     once.
         */
        QuotationState: "offered" | "accepted" | "refused";
        /** @description An immutable ranking snapshot. */
        Ranking: {
            /** @description Agents, best first. */
            agents: components["schemas"]["ScoreLine"][];
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /** @description Weekly or monthly. */
            kind: components["schemas"]["RankingKind"];
            /**
             * Format: date
             * @description Last local day.
             */
            period_end: string;
            /**
             * Format: date
             * @description First local day.
             */
            period_start: string;
            /** @description What went wrong most. */
            problems: components["schemas"]["ProminentProblems"];
            /**
             * Format: date-time
             * @description When published.
             */
            published_at: string;
            /** @description Technicians, best first. */
            technicians: components["schemas"]["ScoreLine"][];
        };
        /** @description A ranking period. */
        RankingKind: "weekly" | "monthly";
        /** @description Whom a rating question rates; scores are kept per technician and per agent. */
        Rated: "technician" | "agent";
        /** @description Request: give a task to someone else (`svc.survey.call_task.reassign`). */
        ReassignCallTask: {
            /** @description The new assignee: a user id or a queue name, 1–100 characters. */
            assignee: string;
            /**
             * Format: int64
             * @description The version being changed (from `If-Match`).
             */
            expected_version: number;
            /** @description Task id (from the path). */
            task_id: string;
        };
        /** @description One open receivable. */
        Receivable: {
            /**
             * Format: int64
             * @description Days open on `as_of`.
             */
            age_days: number;
            /** @description Bucket. */
            bucket: components["schemas"]["AgeBucket"];
            /** @description Customer. */
            customer_name: string;
            /**
             * Format: date
             * @description The day an IOU (欠条) promised payment by, if one was signed.
             */
            iou_promised_on?: string | null;
            /**
             * Format: date
             * @description Issued on.
             */
            issued_on: string;
            /** @description Receipt number. */
            number: string;
            /** @description Still owed. */
            outstanding: components["schemas"]["Money"];
        };
        /** @description One receipt chased in a week. */
        ReceivableChase: {
            /**
             * Format: int64
             * @description Days since the receipt was issued, on that day.
             */
            age_days: number;
            /** @description Who the call is assigned to now (a user id or a queue). */
            agent?: string | null;
            /** @description Its ageing bucket on that day. */
            bucket: components["schemas"]["AgeBucket"];
            /** @description Whether the call is still open or closed. */
            call_state?: components["schemas"]["CallTaskState"] | null;
            /**
             * Format: uuid
             * @description The call task that chases it (one open per receipt: a chase while last week's call
             *     is still open is that call).
             */
            call_task_id?: string | null;
            /**
             * Format: date
             * @description The service-local day billing chased it.
             */
            chased_on: string;
            /**
             * Format: uuid
             * @description The customer's record, when known.
             */
            customer_id?: string | null;
            /** @description The customer. */
            customer_name: string;
            /** @description The district survey last saw the customer's ticket in (empty when unknown). */
            district: string;
            /**
             * Format: uuid
             * @description The receipt.
             */
            invoice_id: string;
            /**
             * Format: date
             * @description The day an IOU (欠条) promised payment by, when that day had passed.
             */
            iou_promised_on?: string | null;
            /** @description Its number. */
            number: string;
            /** @description Still owed when it was chased. */
            outstanding: components["schemas"]["Money"];
        };
        /** @description A week's chase list. */
        ReceivableChaseList: {
            /** @description The receipts chased that week, by district, then agent, then receipt number. */
            items: components["schemas"]["ReceivableChase"][];
            /**
             * Format: date
             * @description Its Sunday.
             */
            last_day: string;
            /**
             * Format: date
             * @description The week's Monday.
             */
            week: string;
        };
        /** @description Receivables ageing (应收帐款). */
        ReceivablesReport: {
            /**
             * Format: date
             * @description The day ages are counted to.
             */
            as_of: string;
            /** @description Every open receivable, oldest first. */
            items: components["schemas"]["Receivable"][];
            /** @description Owed per bucket, in bucket order. */
            totals: components["schemas"]["BucketTotal"][];
        };
        /** @description Request: receive purchased stock into a location (`svc.inventory.part.receive`). */
        ReceiveStock: {
            /** @description Stock location, e.g. `main` (the central warehouse). */
            location: string;
            /**
             * Format: uint32
             * @description Units received, 1–100000.
             */
            quantity: number;
            /**
             * @description Purchase order or delivery note.
             * @default
             */
            reference: string;
            /** @description The part. */
            sku: string;
        };
        /**
         * @description Request: a machine is received at the workshop (`svc.dispatch.workshop.receive`).
         *     Brought in by a customer or sent in by a dealer, it names its ticket (the desk
         *     registers it first; the gateway fills in the ticket's number, customer, district and
         *     machine); from a visit that ended `could_not_fix`, it names the work order (a visit
         *     that ended `taken_to_workshop` has its job already).
         */
        ReceiveWorkshopJob: {
            /**
             * @description Accessories received with the machine, up to 20, each 1–100 characters.
             * @default []
             */
            accessories: string[];
            /**
             * @description The customer's name (filled in by the gateway).
             * @default
             */
            customer_name: string;
            /** @description The dealer (origin `dealer` only, required there). */
            dealer?: components["schemas"]["Dealer"] | null;
            /**
             * @description The customer's district (filled in by the gateway).
             * @default
             */
            district: string;
            /**
             * @description What is wrong as the customer or dealer says, 1–4000 characters (origin `visit`:
             *     the visit's diagnosis when absent).
             * @default
             */
            fault: string;
            /** @description The machine (filled in by the gateway from the ticket). */
            machine?: components["schemas"]["MachineInfo"] | null;
            /** @description Where it came from. */
            origin: components["schemas"]["WorkshopOrigin"];
            /**
             * Format: uuid
             * @description The ticket (origins `customer` and `dealer`).
             */
            ticket_id?: string | null;
            /**
             * @description The ticket's number (filled in by the gateway).
             * @default
             */
            ticket_number: string;
            /** @description The visit's work order, id or number (origin `visit`). */
            work_order_id?: string | null;
        };
        /** @description Request: record the count of a technician's cash (`svc.billing.cash.reconcile`). */
        ReconcileCash: {
            counted: components["schemas"]["Money"] & {
                amount_minor?: unknown;
            };
            /**
             * Format: date
             * @description The day, not in the future.
             */
            day: string;
            /**
             * @description Remarks, up to 500 characters.
             * @default
             */
            note: string;
            /**
             * Format: uuid
             * @description The technician.
             */
            technician_id: string;
        };
        /** @description How a technician's cash day stands. */
        ReconciliationStatus: "balanced" | "awaiting_approval" | "approved";
        /** @description Request: record one call attempt (`svc.survey.call_task.attempt`). */
        RecordCallAttempt: {
            /**
             * Format: int64
             * @description The version being changed (from `If-Match`).
             */
            expected_version: number;
            /**
             * Format: date-time
             * @description The time agreed with a busy customer (required with `busy`) or the next try of an
             *     unreachable one (default two working hours later); within 60 days.
             */
            next_try_at?: string | null;
            /**
             * @description Note, up to 500 characters.
             * @default
             */
            note: string;
            /** @description How it ended. */
            outcome: components["schemas"]["CallOutcome"];
            /** @description Task id (from the path). */
            task_id: string;
        };
        /** @description Request: record one attempt (`svc.survey.callback.record`). */
        RecordCallback: {
            /**
             * @description The answers (`completed` only), up to 60.
             * @default []
             */
            answers: components["schemas"]["Answer"][];
            /** @description Callback id (from the path). */
            callback_id: string;
            /**
             * Format: int64
             * @description The version being changed (from `If-Match`).
             */
            expected_version: number;
            /**
             * @description Note, up to 500 characters.
             * @default
             */
            note: string;
            /** @description How the attempt ended. */
            outcome: components["schemas"]["AttemptOutcome"];
            /**
             * Format: date-time
             * @description The agreed time to call again (`busy` only; required there).
             */
            rescheduled_to?: string | null;
        };
        /**
         * @description One line of a customer's or machine's history: who changed which field from what to
         *     what, and when.
         */
        RecordChange: {
            /** @description Who: an account id, or the service that made the change. */
            actor: string;
            /** @description The account's display name (filled in by the gateway). */
            actor_name?: string | null;
            /**
             * Format: date-time
             * @description When.
             */
            at: string;
            /**
             * @description The field, as named in the record (`address`, `contacts[0].phones`, `status`,
             *     `merged_into`, `customer_id`, `contract`).
             */
            field: string;
            /** @description The value after (absent when it was removed). */
            new_value?: string | null;
            /** @description The value before (absent when the field was empty or new). */
            old_value?: string | null;
            /** @description Why, when the change was given a reason (deactivation, merge). */
            reason?: string;
        };
        /**
         * @description Request: a technician has left for the day's first customer
         *     (`svc.dispatch.register.depart`). A departure already known for that local day (from an
         *     `en_route` step or an earlier record) is kept and the row answered unchanged, so a
         *     phone that sends twice changes nothing.
         */
        RecordDeparture: {
            /**
             * Format: date-time
             * @description When they left, as the phone saw it (at most 5 minutes ahead of the server and 72
             *     hours behind); the server's time when absent.
             */
            occurred_at?: string | null;
            /**
             * Format: uuid
             * @description The technician who left.
             */
            technician_id: string;
        };
        /** @description Request: record an IOU for a receipt (`svc.billing.invoice.iou`). */
        RecordIou: {
            /** @description Receipt id or number (from the path). */
            invoice_id: string;
            /**
             * Format: date
             * @description Promised payment day, within a year of the receipt.
             */
            promised_on: string;
            /** @description Who signed, 1–100 characters. */
            signed_by: string;
        };
        /** @description Request: record a movement (`svc.inventory.movement.record`). */
        RecordMovement: {
            /** @description Kind. */
            kind: components["schemas"]["ManualMovement"];
            /** @description Where (the source of a transfer). */
            location: string;
            /**
             * Format: int64
             * @description Units: 1–100000, or for an adjustment ±1–100000.
             */
            quantity: number;
            /** @description Why, 1–500 characters. */
            reason: string;
            /**
             * @description Work order, delivery note or other reference, up to 200 characters.
             * @default
             */
            reference: string;
            /**
             * @description A removed part kept for the manufacturer's claim (returns only).
             * @default false
             */
            removed_part: boolean;
            /** @description The part (from the path). */
            sku: string;
            /** @description Destination of a transfer. */
            to?: string | null;
        };
        /** @description Request: record a payment of a receipt (`svc.billing.payment.record`). */
        RecordPayment: {
            amount: components["schemas"]["Money"] & {
                amount_minor?: unknown;
            };
            /**
             * Format: uuid
             * @description The technician who collected cash on site, for the daily reconciliation.
             */
            collected_by?: string | null;
            /** @description Receipt id or number (from the path). */
            invoice_id: string;
            /** @description How. */
            method: components["schemas"]["PaymentMethod"];
            /**
             * @description Bank or wallet reference, up to 100 characters.
             * @default
             */
            reference: string;
        };
        /** @description Request: record the outcome of a renewal (`svc.billing.renewal.outcome`). */
        RecordRenewalOutcome: {
            /**
             * @description Renewed: what it covers (default: as before; for a warranty, everything with a
             *     visit a month).
             */
            coverage?: components["schemas"]["ContractCoverage"] | null;
            /**
             * Format: date
             * @description Renewed: the new contract's last day (default: a year after it starts, the day
             *     after the old end).
             */
            ends_on?: string | null;
            /**
             * Format: int64
             * @description The version the agent saw (`If-Match`).
             */
            expected_version: number;
            /**
             * @description What the customer said, up to 500 characters; required when declined.
             * @default
             */
            note: string;
            /** @description Renewed or declined. */
            outcome: components["schemas"]["RenewalOutcome"];
            /** @description Renewed: its price (default: the ending contract's; required for a warranty). */
            price?: components["schemas"]["Money"] | null;
            /** @description The renewal (from the path). */
            renewal_id: string;
        };
        /**
         * @description Request: record that the promised reply was given (`svc.intake.ticket.record_reply`);
         *     the promise is kept and no longer alerts.
         */
        RecordReply: {
            /**
             * Format: int64
             * @description The version the agent saw; a stale one is refused.
             */
            expected_version: number;
            /**
             * @description What the customer was told, up to 2000 characters.
             * @default
             */
            note: string;
            /** @description Ticket id or number. */
            ticket_id: string;
        };
        /**
         * @description Request: the technician phoned the desk after a customer (`svc.dispatch.register.report_back`);
         *     a dispatcher or agent records the call.
         */
        RecordReportBack: {
            /**
             * @description What the technician said, up to 500 characters.
             * @default
             */
            note: string;
            /**
             * Format: date-time
             * @description When the call came (at most 5 minutes ahead of the server and 72 hours behind); the
             *     server's time when absent.
             */
            occurred_at?: string | null;
            /**
             * Format: uuid
             * @description The technician who phoned.
             */
            technician_id: string;
            /**
             * Format: uuid
             * @description The work order (visit) the call reports on; absent for a call about the day in
             *     general. It must be the technician's.
             */
            work_order_id?: string | null;
        };
        /** @description Ticket number and the code received by SMS. */
        RedeemCode: {
            /** @description The six-digit code. */
            code: string;
            /** @description Ticket number. */
            ticket_number: string;
        };
        /** @description Exchange of a refresh token. */
        Refresh: {
            /** @description The refresh token from the last sign-in or refresh. */
            refresh_token: string;
        };
        /** @description A refund for an approved return (退货). */
        Refund: {
            /** @description Paid back, once paid. */
            amount?: components["schemas"]["Money"] | null;
            /**
             * Format: date-time
             * @description When the return was approved.
             */
            approved_at: string;
            /**
             * Format: uuid
             * @description The customer's record, when known.
             */
            customer_id?: string | null;
            /** @description The customer. */
            customer_name: string;
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /** @description The machine taken back. */
            machine: components["schemas"]["MachineInfo"];
            /** @description How, once paid. */
            method?: components["schemas"]["PaymentMethod"] | null;
            /**
             * Format: date-time
             * @description When paid.
             */
            paid_at?: string | null;
            /** @description Who paid it. */
            paid_by?: string | null;
            /** @description Why it was returned. */
            reason: components["schemas"]["ReturnReason"];
            /**
             * @description Bank or wallet reference.
             * @default
             */
            reference: string;
            /** @description Where it stands. */
            status: components["schemas"]["RefundStatus"];
            /**
             * Format: uuid
             * @description The return ticket.
             */
            ticket_id: string;
            /** @description Its number. */
            ticket_number: string;
            /**
             * Format: int64
             * @description Optimistic-concurrency version.
             */
            version: number;
        };
        /** @description How a refund stands. */
        RefundStatus: "due" | "paid";
        /**
         * @description Request: register a machine at a customer (`svc.intake.machine.register`). The serial
         *     number is unique per brand.
         */
        RegisterMachine: {
            /** @description Brand, e.g. Sharp. */
            brand: string;
            /**
             * Format: uuid
             * @description The owner.
             */
            customer_id: string;
            /**
             * @description Where it stands at the customer, up to 200 characters.
             * @default
             */
            install_location: string;
            /** @description Model, e.g. AR-2048. */
            model: string;
            /** @description Product line: one of the configured lines (copier, fax, printer, software, …). */
            product_line: string;
            /**
             * Format: date
             * @description Purchase date.
             */
            purchase_date?: string | null;
            /** @description Serial number (机身号). */
            serial: string;
            /**
             * Format: date
             * @description Warranty end; default: purchase date plus the product line's warranty months.
             */
            warranty_end?: string | null;
        };
        /** @description One technician's day. */
        RegisterRow: {
            /** @description The phone calls recorded that day, in order. */
            calls: components["schemas"]["ReportBackCall"][];
            /**
             * Format: date
             * @description The company's local day it is of.
             */
            date: string;
            /**
             * Format: date-time
             * @description When they left: the earlier of the first `en_route` step of the day and a recorded
             *     departure.
             */
            departed_at?: string | null;
            /** @description Where the departure stands. */
            departure: components["schemas"]["DepartureState"];
            /** @description How the departure became known. */
            departure_source?: components["schemas"]["RegisterSource"] | null;
            /** @description Their district. */
            district: string;
            /**
             * Format: date-time
             * @description When they were due to leave; absent when not due.
             */
            due_at?: string | null;
            /**
             * Format: uint32
             * @description Minutes late: after the time due when late; so far (until now or the day's end)
             *     when missing; 0 otherwise.
             */
            late_minutes: number;
            /**
             * Format: uint32
             * @description Visits not reported back.
             */
            not_reported_back: number;
            /** @description On leave that day. */
            on_leave: boolean;
            /**
             * Format: uint32
             * @description Visits reported back.
             */
            reported_back: number;
            /**
             * Format: uuid
             * @description Technician.
             */
            technician_id: string;
            /** @description Their name. */
            technician_name: string;
            /**
             * @description The day's visits (work orders they set out for, were on site at or reported on
             *     that day), in the order started.
             */
            visits: components["schemas"]["RegisterVisit"][];
        };
        /** @description How a departure or a report-back became known. */
        RegisterSource: "work_order" | "recorded";
        /** @description One visit of the day and whether it was reported back. */
        RegisterVisit: {
            /**
             * Format: date-time
             * @description When the visit report was filed that day (completed, waiting for parts, workshop,
             *     could not fix).
             */
            finished_at?: string | null;
            /** @description Its number. */
            number: string;
            /**
             * Format: date-time
             * @description When it was reported back: the visit report or the first call about it.
             */
            reported_at?: string | null;
            /** @description How it was reported back. */
            reported_by?: components["schemas"]["RegisterSource"] | null;
            /**
             * Format: date-time
             * @description The first step of the day on it (en route, on site or the report).
             */
            started_at: string;
            /** @description Where it stands now. */
            status: components["schemas"]["WorkOrderStatus"];
            /**
             * Format: uuid
             * @description Work order.
             */
            work_order_id: string;
        };
        /**
         * @description Request: register a warranty card (保修卡) (`svc.intake.warranty.register`): creates
         *     or links the customer (by phone) and the machine (by brand and serial).
         */
        RegisterWarrantyCard: {
            /** @description The number printed on the card, 1–64 characters; unique. */
            card_number: string;
            /**
             * @description The customer as written on the card; an existing customer with one of its phones
             *     is linked instead of created.
             */
            customer: components["schemas"]["CreateCustomer"];
            machine: components["schemas"]["MachineInfo"] & {
                brand?: unknown;
                model?: unknown;
                product_line?: unknown;
                serial?: unknown;
            };
        };
        /** @description A removed part the brand expects back with the claim. */
        RemovedPart: {
            /**
             * Format: uint32
             * @description Units.
             */
            quantity: number;
            /** @description SKU. */
            sku: string;
        };
        /** @description A contract or warranty coming to its end, and the follow-up to renew it. */
        Renewal: {
            /** @description Address. */
            address: string;
            /** @description What the ending contract covered (contracts only). */
            coverage?: components["schemas"]["ContractCoverage"] | null;
            /**
             * Format: uuid
             * @description The customer's record.
             */
            customer_id: string;
            /** @description Company. */
            customer_name: string;
            /** @description District. */
            district: string;
            /**
             * Format: date
             * @description The last day covered.
             */
            ends_on: string;
            /**
             * Format: uint32
             * @description Follow-ups so far.
             */
            follow_ups: number;
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /** @description Contract or warranty. */
            kind: components["schemas"]["RenewalKind"];
            /**
             * Format: date
             * @description When it was listed.
             */
            listed_on: string;
            /** @description The machines concerned. */
            machines: components["schemas"]["MachineInfo"][];
            /**
             * Format: date
             * @description The next weekly follow-up, while open.
             */
            next_follow_up?: string | null;
            /** @description The agent's note on the outcome. */
            note?: string | null;
            /** @description Its price (contracts only). */
            price?: components["schemas"]["Money"] | null;
            /** @description The contract the renewal created. */
            renewed_by?: string | null;
            /** @description The contract number or the warranty card number. */
            source: string;
            /** @description Where it stands. */
            status: components["schemas"]["RenewalStatus"];
            /**
             * Format: int64
             * @description Optimistic-concurrency version, also the ETag.
             */
            version: number;
        };
        /** @description What is up for renewal (续保). */
        RenewalKind: "contract" | "warranty";
        /** @description The customer's answer. */
        RenewalOutcome: "renewed" | "declined";
        /**
         * @description The renewals of the contracts and warranties whose cover ends in a month (续保), counted
         *     by where they stand, so a manager reads renewals won and lost beside the contracts signed.
         */
        RenewalsEnding: {
            /**
             * Format: uint32
             * @description Declined by the customer: lost.
             */
            declined: number;
            /**
             * Format: uint32
             * @description How many end that month.
             */
            ending: number;
            /**
             * Format: uint32
             * @description Ended without an answer: lost.
             */
            lapsed: number;
            /**
             * Format: uint32
             * @description Still being followed up.
             */
            open: number;
            /**
             * Format: uint32
             * @description Renewed: won.
             */
            renewed: number;
        };
        /** @description Where a renewal stands. */
        RenewalStatus: "open" | "renewed" | "declined" | "lapsed";
        /**
         * @description Request: the repair report (`svc.dispatch.workshop.repair`): the job is repaired, the
         *     parts used leave stock and billing issues the receipt, as for a visit.
         */
        RepairWorkshopJob: {
            /**
             * Format: int64
             * @description The version seen (`If-Match`).
             */
            expected_version?: number | null;
            /**
             * Format: date-time
             * @description When it finished (not before `started_at`, not in the future).
             */
            finished_at: string;
            /** @description Job id or number. */
            job_id: string;
            /**
             * @description Parts replaced, up to 100 lines.
             * @default []
             */
            parts: (components["schemas"]["PartUsed"] & {
                location?: unknown;
                quantity?: unknown;
                sku?: unknown;
            })[];
            /**
             * @description The customer agreed to the parts replaced; required when parts are listed.
             * @default false
             */
            parts_consent: boolean;
            /**
             * @description The result as told to the customer, up to 1000 characters.
             * @default
             */
            result: string;
            /**
             * Format: date-time
             * @description When the repair work started.
             */
            started_at: string;
        };
        /** @description What repeats in a quality warning. */
        RepeatKind: "fault" | "part";
        /**
         * @description Request: replace the assignment rules (`svc.survey.call_rules.replace`); tasks already
         *     assigned keep their assignee.
         */
        ReplaceCallAssignmentRules: {
            /**
             * Format: int64
             * @description The version being replaced (from `If-Match`).
             */
            expected_version: number;
            /** @description The rules, 1–200, tried in order. */
            rules: components["schemas"]["AssignmentRule"][];
        };
        /**
         * @description Request: replace the company profile (`svc.billing.company_profile.replace`); receipts
         *     printed afterwards carry it.
         */
        ReplaceCompanyProfile: {
            /**
             * Format: int64
             * @description The version the caller saw; a stale one is refused.
             */
            expected_version: number;
            /** @description The particulars. */
            profile: components["schemas"]["CompanyProfileFields"];
        };
        /** @description Request: replace the duration defaults (`svc.dispatch.durations.replace`). */
        ReplaceDurationDefaults: {
            /**
             * Format: int64
             * @description The version being replaced (from `If-Match`).
             */
            expected_version: number;
            /** @description The rules, up to 500. */
            rules: components["schemas"]["DurationRule"][];
        };
        /** @description Request: replace the fault list (`svc.dispatch.fault_codes.replace`). */
        ReplaceFaultCodes: {
            /** @description The codes, up to 200, each once. */
            codes: components["schemas"]["FaultCode"][];
            /**
             * Format: int64
             * @description The version being replaced (from `If-Match`).
             */
            expected_version: number;
        };
        /**
         * @description Request: replace the templates (`svc.intake.notification_templates.replace`); every
         *     kind needs a text in every language.
         */
        ReplaceNotificationTemplates: {
            /**
             * Format: int64
             * @description The version the caller saw; a stale one is refused.
             */
            expected_version: number;
            /** @description The texts. */
            templates: components["schemas"]["NotificationTemplate"][];
        };
        /** @description Request: replace the priority rules (`svc.intake.priority_rules.replace`). */
        ReplacePriorityRules: {
            /**
             * Format: int64
             * @description The version the caller saw; a stale one is refused.
             */
            expected_version: number;
            /** @description The new rules, 1–200, in order. */
            rules: components["schemas"]["PriorityRule"][];
        };
        /** @description Request: replace the thresholds (`svc.survey.quality_thresholds.replace`). */
        ReplaceQualityThresholds: {
            /**
             * Format: int64
             * @description The version being replaced (from `If-Match`).
             */
            expected_version: number;
            /** @description One per window (each window at most once). */
            thresholds: components["schemas"]["QualityThreshold"][];
        };
        /** @description Request: save a new questionnaire version (`svc.survey.questionnaire.replace`). */
        ReplaceQuestionnaire: {
            /**
             * Format: int64
             * @description The version being replaced (from `If-Match`).
             */
            expected_version: number;
            /** @description Level at or below which a rating needs a follow-up. */
            follow_up_at: components["schemas"]["Level"];
            /** @description Score per level; all five levels, each once. */
            levels: components["schemas"]["LevelScore"][];
            /** @description The questions, 1–30. */
            questions: components["schemas"]["Question"][];
        };
        /**
         * @description Request: replace the SLA targets (`svc.intake.sla_policy.replace`); they apply to
         *     tickets opened (or re-prioritised) afterwards.
         */
        ReplaceSlaPolicy: {
            /**
             * Format: int64
             * @description The version the caller saw; a stale one is refused.
             */
            expected_version: number;
            /** @description The targets. */
            targets: components["schemas"]["SlaTargetRule"][];
        };
        /** @description A dead letter published again: what the administrator replayed and where it went. */
        ReplayedDeadLetter: {
            /**
             * @description The consumer that had given it up (it fails again as a new letter if the cause
             *     is not repaired).
             */
            consumer: string;
            /**
             * Format: uint64
             * @description Its position in the dead-letter list; gone from the list now.
             */
            seq: number;
            /** @description The subject it was published on again. */
            subject: string;
        };
        /** @description A phone call recorded in the register. */
        ReportBackCall: {
            /**
             * Format: date-time
             * @description When the call came.
             */
            at: string;
            /** @description What was said. */
            note: string;
            /** @description Who recorded it. */
            recorded_by: string;
            /**
             * Format: uuid
             * @description The work order it reported on, if one.
             */
            work_order_id?: string | null;
        };
        /** @description A day's register: one row per active technician. */
        ReportBackRegister: {
            /**
             * Format: date
             * @description The company's local day.
             */
            date: string;
            /**
             * Format: partial-time
             * @description The company's departure time, local (`AFTERCARE_DEPARTURE_TIME`, 08:50); a
             *     technician whose shift starts later is due at their shift start.
             */
            departure_time: string;
            /** @description Active technicians by name. */
            rows: components["schemas"]["RegisterRow"][];
            /**
             * @description Whether it is a working day of the business calendar (nobody is due to leave on
             *     another day).
             */
            working_day: boolean;
        };
        /** @description The person who reported a request. */
        Reporter: {
            /** @description Name, 1–200 characters. */
            name: string;
            /** @description Phone, 5–32 characters, when different from the customer's. */
            phone?: string | null;
        };
        /** @description What a ticket report is grouped by. */
        ReportGroup: "district" | "priority" | "type" | "tier" | "product_line" | "owner" | "month" | "week" | "channel";
        /** @description Request for a one-time code. */
        RequestCode: {
            /** @description Ticket number, e.g. `T2026-000042`. */
            ticket_number: string;
        };
        /** @description Request: ask inventory for parts ahead of the visit (`svc.dispatch.workorder.request_parts`). */
        RequestParts: {
            /**
             * Format: int64
             * @description The version being changed (from `If-Match`).
             */
            expected_version: number;
            /** @description The parts, 1–50 lines. */
            parts: (components["schemas"]["PartUsed"] & {
                quantity?: unknown;
                sku?: unknown;
            })[];
            /** @description Work order id or number (from the path). */
            work_order_id: string;
        };
        /** @description Request: close a follow-up (`svc.survey.followup.resolve`). */
        ResolveFollowUp: {
            /**
             * Format: int64
             * @description The version being changed (from `If-Match`).
             */
            expected_version: number;
            /** @description Follow-up id (from the path). */
            followup_id: string;
            /** @description What the customer was told, 1–2,000 characters. */
            resolution: string;
        };
        /** @description How a machine goes back. */
        ReturnMethod: "picked_up" | "delivered" | "shipped_to_dealer";
        /** @description The inspection's verdict on a return. */
        ReturnOutcome: "approved" | "rejected";
        /** @description Why a machine is returned (退货). */
        ReturnReason: "defective" | "not_as_described" | "doesnt_know_how_to_use" | "changed_mind";
        /** @description How the revenue report groups receipts. */
        RevenueGrouping: "month" | "work_type" | "district" | "technician";
        /** @description Revenue by period, kind, district or technician, with warranty and contract cost. */
        RevenueReport: {
            /** @description Currency of every amount. */
            currency: string;
            /**
             * Format: date
             * @description First day.
             */
            from: string;
            /** @description Rows, by key. */
            rows: components["schemas"]["RevenueRow"][];
            /**
             * Format: date
             * @description Last day.
             */
            to: string;
            /** @description All rows together (key `all`). */
            total: components["schemas"]["RevenueRow"];
        };
        /** @description One row of the revenue report. */
        RevenueRow: {
            /**
             * Format: int64
             * @description Work at price, minor units.
             */
            at_price_minor: number;
            /**
             * Format: int64
             * @description Charged to customers.
             */
            charged_minor: number;
            /**
             * Format: int64
             * @description Cost of work under maintenance contracts.
             */
            contract_cost_minor: number;
            /**
             * Format: int64
             * @description Credited by credit notes issued in the period on these receipts.
             */
            credited_minor: number;
            /**
             * Format: int64
             * @description Key-account discounts given.
             */
            discount_minor: number;
            /** @description The group's key (month, kind, district or technician name). */
            key: string;
            /**
             * Format: int64
             * @description Value claimable from manufacturers.
             */
            manufacturer_minor: number;
            /**
             * Format: int64
             * @description Charged less credited.
             */
            net_minor: number;
            /**
             * Format: uint32
             * @description Receipts.
             */
            receipts: number;
            /**
             * Format: int64
             * @description Cost of work under the dealer's warranty.
             */
            warranty_cost_minor: number;
        };
        /** @description A role held by an account (one per account). */
        Role: "customer" | "agent" | "dispatcher" | "technician" | "warehouse" | "finance" | "callback_agent" | "manager" | "admin";
        /** @description A technician's route for a day. */
        Route: {
            /**
             * Format: date-time
             * @description Back at the end location.
             */
            ends_at: string;
            /** @description Stops in visiting order. */
            stops: components["schemas"]["RouteStop"][];
            /**
             * Format: uuid
             * @description Technician.
             */
            technician_id: string;
            /** @description Their name. */
            technician_name: string;
            /**
             * Format: uint32
             * @description Travel, minutes.
             */
            travel_minutes: number;
        };
        /** @description One stop of a route. */
        RouteStop: {
            /** @description Its number. */
            number: string;
            /**
             * Format: date-time
             * @description Planned arrival.
             */
            planned_arrival: string;
            /**
             * Format: date-time
             * @description Planned start of work (arrival, or the window's opening if earlier).
             */
            planned_start: string;
            /**
             * @description Why this technician and this place in the route, such as `skills copier, sharp`,
             *     `nearest qualified technician (2.1 km from the start)`, `window 10:00–12:00` or
             *     `pinned by a dispatcher`.
             * @default []
             */
            reasons: string[];
            /** @description Its appointment window, if any. */
            window?: components["schemas"]["TimeWindow"] | null;
            /**
             * Format: uuid
             * @description Work order.
             */
            work_order_id: string;
        };
        /** @description The index of one group in one period. */
        SatisfactionPoint: {
            /**
             * Format: int32
             * @description Change from the group's previous period, in tenths.
             */
            change_tenths?: number | null;
            /** @description Team or district; `all` for the whole department. */
            group: string;
            /**
             * Format: uint32
             * @description Index 0–100 in tenths: 0 when every rating is the lowest level, 1000 when every
             *     rating is the highest.
             */
            index_tenths: number;
            /** @description `2026-11` or `2026-Q4`. */
            period: string;
            /**
             * Format: uint32
             * @description Ratings counted.
             */
            ratings: number;
        };
        /** @description The satisfaction index trend. */
        SatisfactionReport: {
            /** @description Points, by group then period. */
            points: components["schemas"]["SatisfactionPoint"][];
        };
        /** @description A set of queue filters saved under a name. */
        SavedView: {
            /** @description The filters, as the ticket list takes them. */
            filters: components["schemas"]["ViewFilters"];
            /** @description 1–60 characters, unique among the account's views (ignoring case). */
            name: string;
        };
        /** @description Whom a score line is about. */
        ScoreGroup: "technician" | "agent" | "team" | "district";
        /** @description One line of a score report or ranking. */
        ScoreLine: {
            /**
             * Format: uint32
             * @description Answered callbacks with at least one rating counted.
             */
            callbacks: number;
            /** @description Mean per question. */
            items: components["schemas"]["ItemScore"][];
            /** @description Technician id, agent, team or district. */
            key: string;
            /**
             * Format: uint32
             * @description Mean score (thousandths): the technician's ratings for technicians, the agent's for
             *     agents, all ratings for teams and districts.
             */
            mean_milli: number;
            /** @description Display name (technician's name; otherwise the key). */
            name: string;
            /**
             * Format: uint32
             * @description Rank (1 = best; ties share a rank, the next rank skips).
             */
            rank: number;
            /**
             * Format: uint32
             * @description Callbacks that found the problem back.
             */
            repeat_repairs: number;
        };
        /** @description A score report. */
        ScoreReport: {
            /**
             * Format: date
             * @description First local day.
             */
            from: string;
            /** @description Grouping. */
            group_by: components["schemas"]["ScoreGroup"];
            /** @description Lines, best first. */
            lines: components["schemas"]["ScoreLine"][];
            /**
             * Format: date
             * @description Last local day.
             */
            to: string;
        };
        /**
         * @description One message to a customer and how its delivery went. Secrets in the text (a one-time
         *     code, an answer link's token) are always masked (`•`).
         */
        SentMessage: {
            /**
             * @description Each sending attempt, oldest first: only in the answer for one message
             *     (`svc.notifier.message.get`); lists leave it out.
             */
            attempt_history?: components["schemas"]["MessageAttempt"][];
            /**
             * Format: uint32
             * @description Sending attempts made.
             */
            attempts: number;
            /** @description The text as the customer receives it, secrets masked. */
            body: string;
            /** @description How it is sent. */
            channel: components["schemas"]["NotificationChannel"];
            /**
             * Format: date-time
             * @description When the notifier recorded it.
             */
            created_at: string;
            /**
             * Format: uuid
             * @description The customer record, when known.
             */
            customer_id?: string | null;
            /**
             * Format: uuid
             * @description The message's id (the id of the notification event it came from).
             */
            id: string;
            /** @description What it is about. */
            kind: components["schemas"]["MessageKind"];
            /** @description Its language. */
            language: components["schemas"]["Language"];
            /** @description What the provider said at the last failed attempt. */
            last_error?: string | null;
            /**
             * Format: date-time
             * @description When it is tried next (pending or failed only).
             */
            next_attempt_at?: string | null;
            /**
             * Format: date-time
             * @description When the provider accepted it.
             */
            sent_at?: string | null;
            /** @description Where its delivery stands. */
            status: components["schemas"]["MessageStatus"];
            /** @description Subject line (e-mail). */
            subject: string;
            /**
             * Format: uuid
             * @description The ticket it is about.
             */
            ticket_id: string;
            /** @description Its number (`T2026-000042`). */
            ticket_number: string;
            /** @description Where to: phone number, e-mail address or WeChat id (masked by the gateway). */
            to: string;
        };
        /** @description Request: fill in a draft claim's fields (`svc.billing.claim.fields`). */
        SetClaimFields: {
            /** @description The claim (from the path). */
            claim_id: string;
            /**
             * Format: int64
             * @description The version the clerk saw (`If-Match`).
             */
            expected_version: number;
            /** @description Field name (1–64 characters) to value (up to 500); an empty value removes it. */
            fields: {
                [key: string]: string;
            };
        };
        /** @description Request: deactivate or reactivate a customer (`svc.intake.customer.set_active`). */
        SetCustomerActive: {
            /** @description `false` deactivates, `true` reactivates. */
            active: boolean;
            /** @description Customer id or number. */
            customer_id: string;
            /**
             * Format: int64
             * @description The version the caller saw; a stale one is refused.
             */
            expected_version: number;
            /** @description Why, 1–2000 characters. */
            reason: string;
        };
        /** @description Request: set a ticket's priority by hand, with the reason (`svc.intake.ticket.set_priority`). */
        SetPriority: {
            /**
             * Format: int64
             * @description The version the agent saw; a stale one is refused.
             */
            expected_version: number;
            /** @description The new priority. */
            priority: components["schemas"]["Priority"];
            /** @description Why, 1–2000 characters. */
            reason: string;
            /** @description Ticket id or number. */
            ticket_id: string;
        };
        /** @description One stored version of a company setting: what it held, who stored it and when. */
        SettingVersion: {
            /**
             * @description The setting's entries as stored in this version, each shaped as the setting's `GET`
             *     answers them.
             */
            items: unknown[];
            /**
             * Format: date-time
             * @description When it was stored.
             */
            updated_at: string;
            /** @description The account that stored it. */
            updated_by: string;
            /** @description That account's display name, when the gateway knows the account. */
            updated_by_name?: string | null;
            /**
             * Format: int64
             * @description 1 for the first replacement, one more for each after it.
             */
            version: number;
        };
        /** @description The customer's signature confirming the result. */
        Signature: {
            /**
             * Format: uuid
             * @description The signature attachment (kind `signature`, uploaded to this work order with
             *     `POST /workorders/{id}/attachments?kind=signature`).
             */
            attachment_id?: string | null;
            /**
             * @description The signature drawing, a PNG as base64, up to 48 KiB (older clients; upload it as
             *     an attachment instead).
             */
            image_png_base64?: string | null;
            /** @description Who signed, 1–100 characters. */
            signer: string;
        };
        /** @description Sign-in with login and password. */
        SignIn: {
            /** @description Login name (usually an e-mail address), case-insensitive. */
            login: string;
            /** @description Password. */
            password: string;
        };
        /** @description Sign-out. */
        SignOut: {
            /**
             * @description The refresh token to revoke with its whole family, if the client holds one.
             * @default null
             */
            refresh_token: string | null;
        };
        /** @description The SLA targets with the version of the set. */
        SlaPolicy: {
            /** @description Targets; every priority and tier has one without a type. */
            targets: components["schemas"]["SlaTargetRule"][];
            /**
             * Format: int64
             * @description Version of the set, also the ETag (0: the built-in targets).
             */
            version: number;
        };
        /** @description Where a ticket stands against its targets, for lists and reports. */
        SlaState: "on_track" | "at_risk" | "breached";
        /**
         * @description One service-level target: for tickets of this priority and customer tier (and type, when
         *     given), an agent must act within `first_response_minutes` and the ticket be resolved
         *     within `resolution_minutes`, counted in working time.
         */
        SlaTargetRule: {
            /**
             * Format: uint32
             * @description Working minutes to the first response, 1–100000.
             */
            first_response_minutes: number;
            /** @description Priority. */
            priority: components["schemas"]["Priority"];
            /**
             * Format: uint32
             * @description Working minutes to the resolution, 1–100000, not less than the first response.
             */
            resolution_minutes: number;
            /** @description Customer tier. */
            tier: components["schemas"]["CustomerTier"];
            /** @description Only for this request type (e.g. complaints); rules with a type are tried first. */
            type?: components["schemas"]["TicketType"] | null;
        };
        /** @description Request: start a quarterly satisfaction campaign (`svc.survey.campaign.start`). */
        StartCampaign: {
            /**
             * Format: uint32
             * @description Customers with a completed visit in this many months before the start are active;
             *     1–36, default 12.
             * @default 12
             */
            active_months: number;
            /** @description Quarter, `2026-Q4`. */
            quarter: string;
        };
        /**
         * @description Request: draft a forecast plan (`svc.inventory.forecast.start`): next periods' demand
         *     per part from its consumption history, with the assumptions stated.
         */
        StartForecastPlan: {
            /**
             * Format: uint32
             * @description Months of consumption history used, 3–36 (default 12).
             * @default 12
             */
            history_months: number;
            /**
             * Format: uint32
             * @description Months the plan covers, 1–6 (default 1).
             * @default 1
             */
            horizon_months: number;
            /**
             * Format: double
             * @description Installed base now over its average in the history, 0.1–10 (default 1).
             * @default 1
             */
            installed_base_factor: number;
            /**
             * @description The location the purchases go to (default `main`).
             * @default main
             */
            location: string;
            /**
             * @description Note, up to 500 characters.
             * @default
             */
            note: string;
            /**
             * Format: double
             * @description The sales plan's effect, 0.1–10 (default 1: as is).
             * @default 1
             */
            sales_factor: number;
        };
        /** @description Request: record a stocktake (盘点) of a location (`svc.inventory.stocktake.start`). */
        StartStocktake: {
            /** @description Lines, 1–1000, each part once. */
            lines: components["schemas"]["CountLine"][];
            /** @description Location counted. */
            location: string;
            /**
             * @description Note, up to 500 characters.
             * @default
             */
            note: string;
        };
        /** @description A part's balance at one location. */
        StockLevel: {
            /**
             * Format: int64
             * @description On hand and not held.
             */
            available: number;
            /** @description Location code. */
            location: string;
            /**
             * Format: int64
             * @description Units on hand.
             */
            on_hand: number;
            /**
             * Format: int64
             * @description Held for work orders.
             */
            reserved: number;
        };
        /** @description One ledger entry. */
        StockMovement: {
            /** @description Who. */
            actor: string;
            /**
             * Format: date-time
             * @description When.
             */
            at: string;
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /**
             * @description receipt, consumption, transfer_out, transfer_in, return, removed_part, adjustment,
             *     stocktake.
             */
            kind: string;
            /** @description Location. */
            location: string;
            /**
             * Format: int64
             * @description Units, signed.
             */
            quantity: number;
            /** @description Why. */
            reason: string;
            /** @description Reference. */
            reference: string;
            /** @description Part. */
            sku: string;
        };
        /** @description The stock report. */
        StockReport: {
            /**
             * Format: date
             * @description First day.
             */
            from: string;
            /** @description Per part, by SKU. */
            parts: components["schemas"]["StockReportLine"][];
            /**
             * Format: date
             * @description Last day.
             */
            to: string;
            /**
             * Format: int64
             * @description Value of all stock at cost (minor units, the parts with a cost).
             */
            total_value_minor: number;
            /** @description Parts used per model and fault, most used first (feeds the quality warnings). */
            usage: components["schemas"]["UsageLine"][];
        };
        /** @description One part in the stock report. */
        StockReportLine: {
            /**
             * Format: uint8
             * @description Failure-prone rating.
             */
            failure_prone: number;
            /** @description Name. */
            name: string;
            /**
             * Format: int64
             * @description On hand now, all locations.
             */
            on_hand: number;
            /** @description Part. */
            sku: string;
            /** @description In stock and not used in the period. */
            slow_mover: boolean;
            /**
             * Format: double
             * @description Used ÷ average stock over the period (on hand now plus half the use), when stocked.
             */
            turnover?: number | null;
            /**
             * Format: int64
             * @description Units used in the period.
             */
            used: number;
            /**
             * Format: int64
             * @description On hand × unit cost (minor units), when the cost is known.
             */
            value_minor?: number | null;
        };
        /**
         * @description When a location is restocked: at the reorder point, up to the maximum (also the request
         *     `svc.inventory.rule.save`, the part from the path).
         */
        StockRule: {
            /** @description The location. */
            location: string;
            /**
             * Format: uint32
             * @description Restock up to this (> reorder point).
             */
            max: number;
            /**
             * Format: uint32
             * @description Keep at least this (≤ reorder point).
             */
            min: number;
            /**
             * Format: uint32
             * @description Restock when available plus on order falls to this.
             */
            reorder_point: number;
            /** @description The part. */
            sku: string;
        };
        /** @description A stocktake. */
        Stocktake: {
            /** @description Who counted. */
            counted_by: string;
            /**
             * Format: date-time
             * @description When counted.
             */
            created_at: string;
            /** @description Who decided. */
            decided_by?: string | null;
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /** @description Lines. */
            lines: components["schemas"]["StocktakeLine"][];
            /** @description Location. */
            location: string;
            /** @description Note. */
            note: string;
            /** @description State. */
            status: components["schemas"]["StocktakeStatus"];
            /**
             * Format: int64
             * @description Optimistic-concurrency version.
             */
            version: number;
        };
        /** @description A stocktake line with its variance. */
        StocktakeLine: {
            /**
             * Format: int64
             * @description Counted.
             */
            counted: number;
            /**
             * Format: int64
             * @description On hand by the ledger when counted.
             */
            expected: number;
            /** @description Part. */
            sku: string;
            /**
             * Format: int64
             * @description Counted − expected.
             */
            variance: number;
        };
        /** @description A stocktake's state. */
        StocktakeStatus: "pending_approval" | "approved" | "rejected";
        /** @description A technician. */
        Technician: {
            /** @description Takes work. */
            active: boolean;
            /** @description Certificates. */
            certifications: components["schemas"]["Certification"][];
            /**
             * Format: uint32
             * @description Daily capacity.
             */
            daily_capacity: number;
            /** @description Home district. */
            district: string;
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /** @description Leave, latest first. */
            leave: components["schemas"]["Leave"][];
            /** @description Full name. */
            name: string;
            /**
             * Format: partial-time
             * @description Shift end, local time.
             */
            shift_end: string;
            /**
             * Format: partial-time
             * @description Shift start, local time.
             */
            shift_start: string;
            /** @description Skills. */
            skills: string[];
            /** @description Where the day starts. */
            start_location?: components["schemas"]["GeoPoint"] | null;
            /** @description Team. */
            team: string;
            /** @description Van stock location. */
            van_location?: string | null;
            /**
             * Format: int64
             * @description Optimistic-concurrency version.
             */
            version: number;
        };
        /** @description One technician's day. */
        TechnicianDay: {
            /** @description Team. */
            team: string;
            /**
             * Format: uuid
             * @description Technician id.
             */
            technician_id: string;
            /** @description Name. */
            technician_name: string;
            /**
             * Format: uint32
             * @description Visits finished.
             */
            visits: number;
        };
        /** @description Request: end a contract early (`svc.billing.contract.terminate`). */
        TerminateContract: {
            /** @description Contract id or number (from the path). */
            contract_id: string;
            /**
             * Format: date
             * @description The new last day covered: from the day before it started (never in force) up to
             *     its current last day, and not before yesterday.
             */
            ends_on: string;
            /** @description Why, 1–500 characters. */
            reason: string;
        };
        /** @description A ticket as the gateway shows it. */
        Ticket: {
            /** @description Attached files, by reference. */
            attachments?: components["schemas"]["Attachment"][];
            /**
             * Format: date-time
             * @description When the callback is due, once scheduled.
             */
            callback_due_at?: string | null;
            /** @description Channel. */
            channel: components["schemas"]["Channel"];
            /** @description Customer. */
            customer: components["schemas"]["CustomerInfo"];
            /**
             * Format: uuid
             * @description The customer record it belongs to: the one named when it was opened, or the one
             *     the registry found by the caller's phone and the machine (or registered).
             */
            customer_id?: string | null;
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /** @description Machine, if any. */
            machine?: components["schemas"]["MachineInfo"] | null;
            /**
             * Format: uuid
             * @description The machine record it is about, when the machine is in the registry.
             */
            machine_id?: string | null;
            /** @description Human number, `T2026-000042`. */
            number: string;
            /**
             * Format: date-time
             * @description When it was registered.
             */
            opened_at: string;
            /** @description The account responsible (for complaints: who must answer the customer). */
            owner?: string | null;
            /** @description Priority from the rules. */
            priority: components["schemas"]["Priority"];
            /** @description A reply an agent promised the customer and has not given yet. */
            promised_reply?: components["schemas"]["PromisedReply"] | null;
            /** @description Who reported it, when not the customer's contact. */
            reporter?: components["schemas"]["Reporter"] | null;
            /** @description Why the machine is returned, for returns. */
            return_reason?: components["schemas"]["ReturnReason"] | null;
            /** @description Service-level deadlines and when they were met. */
            sla: components["schemas"]["TicketSla"];
            /** @description Current state. */
            status: components["schemas"]["TicketStatus"];
            /** @description Symptom text. */
            symptom: string;
            /** @description Request type. */
            type: components["schemas"]["TicketType"];
            /**
             * Format: date-time
             * @description Last change.
             */
            updated_at: string;
            /**
             * Format: int64
             * @description Optimistic-concurrency version, also the ETag.
             */
            version: number;
            /**
             * Format: uuid
             * @description Work order dispatch created, once known.
             */
            work_order_id?: string | null;
        };
        /** @description What one entry of a ticket's history changed. */
        TicketChange: "opened" | "status_changed" | "priority_changed" | "owner_changed" | "escalated" | "noted";
        /** @description One entry of a ticket's history: who, when, what changed and why. */
        TicketHistoryEntry: {
            /**
             * @description Who: an account id, or the service or job that made the change (`system`, `survey`, `dispatch`);
             *     a customer sees `staff` for every change but their own, without names or reasons.
             */
            actor: string;
            /** @description The account's display name (filled in by the gateway; absent for services and jobs). */
            actor_name?: string | null;
            /**
             * Format: date-time
             * @description When.
             */
            at: string;
            /** @description What kind of change. */
            change: components["schemas"]["TicketChange"];
            /** @description The priority before, for `priority_changed`. */
            from_priority?: components["schemas"]["Priority"] | null;
            /** @description The state before (absent on opening). */
            from_status?: components["schemas"]["TicketStatus"] | null;
            /** @description The account made responsible, for `owner_changed`. */
            owner?: string | null;
            /** @description The responsible account's display name (filled in by the gateway). */
            owner_name?: string | null;
            /** @description Why (the reason given, or what the system recorded); may be empty. */
            reason: string;
            /** @description The priority after, for `priority_changed`. */
            to_priority?: components["schemas"]["Priority"] | null;
            /** @description The state after. */
            to_status: components["schemas"]["TicketStatus"];
        };
        /** @description A note on a ticket. */
        TicketNote: {
            /** @description Who wrote it: an account id (a customer sees `staff` for the desk's notes). */
            actor: string;
            /** @description The account's display name (filled in by the gateway; not shown to customers). */
            actor_name?: string | null;
            /**
             * Format: date-time
             * @description When it was written.
             */
            at: string;
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /** @description The note. */
            text: string;
            /**
             * Format: uuid
             * @description The ticket.
             */
            ticket_id: string;
            /** @description Who sees it. */
            visibility: components["schemas"]["NoteVisibility"];
        };
        /** @description A ticket report. */
        TicketReport: {
            /**
             * Format: date-time
             * @description The period.
             */
            from: string;
            /** @description Grouping. */
            group_by: components["schemas"]["ReportGroup"];
            /** @description One row per group, by key. */
            rows: components["schemas"]["TicketReportRow"][];
            /**
             * Format: date-time
             * @description The period's end.
             */
            to: string;
            /** @description All groups together. */
            total: components["schemas"]["TicketReportRow"];
        };
        /** @description Figures of one group. */
        TicketReportRow: {
            /**
             * Format: uint64
             * @description Complaints.
             */
            complaints: number;
            /** @description The group's key (`tianhe`, `p1`, `2026-11`, `(none)`…). */
            key: string;
            /**
             * Format: double
             * @description Mean time to resolution, working minutes.
             */
            mean_resolution_minutes?: number | null;
            /**
             * Format: double
             * @description Mean time to the first response, working minutes.
             */
            mean_response_minutes?: number | null;
            /**
             * Format: uint64
             * @description Tickets whose SLA clock was paused (waiting for parts or for the customer).
             * @default 0
             */
            paused: number;
            /**
             * Format: double
             * @description Working minutes their clocks stood still in all (current pauses up to now).
             * @default 0
             */
            paused_minutes: number;
            /**
             * Format: uint64
             * @description Tickets reopened at least once (repeat repairs).
             */
            reopened: number;
            /**
             * Format: uint64
             * @description Resolved within the resolution target.
             */
            resolution_met: number;
            /**
             * Format: uint64
             * @description Resolved (by a visit or on the phone).
             */
            resolved: number;
            /**
             * Format: uint64
             * @description Of those, answered by an agent.
             */
            responded: number;
            /**
             * Format: uint64
             * @description Answered within the first-response target.
             */
            response_met: number;
            /**
             * Format: double
             * @description Share of targets due so far that were met (0–1), first response and resolution
             *     together; `None` when none was due yet.
             */
            sla_compliance?: number | null;
            /**
             * Format: uint64
             * @description Tickets opened.
             */
            tickets: number;
        };
        /** @description A session that can follow one ticket. */
        TicketSession: {
            /** @description Send as `Authorization: Bearer <access_token>`. */
            access_token: string;
            /**
             * Format: uint64
             * @description Seconds it is valid.
             */
            expires_in: number;
            /**
             * Format: uuid
             * @description The ticket it may read.
             */
            ticket_id: string;
            /** @description Always `Bearer`. */
            token_type: string;
        };
        /**
         * @description Deadlines of a ticket's service-level targets, counted in working time on the
         *     company's business calendar, and when they were met.
         */
        TicketSla: {
            /**
             * Format: date-time
             * @description When an agent first acted on it.
             */
            first_response_at?: string | null;
            /**
             * Format: date-time
             * @description The customer must hear from an agent by then.
             */
            first_response_due: string;
            /**
             * Format: uint64
             * @description Working minutes the clock has stood still in all, the current pause included.
             * @default 0
             */
            paused_minutes: number;
            /**
             * Format: date-time
             * @description Since when the clock stands still (waiting for parts or for the customer); absent
             *     while it runs. The deadlines above move on by the paused working time when it
             *     resumes.
             */
            paused_since?: string | null;
            /**
             * Format: date-time
             * @description The request must be resolved by then.
             */
            resolution_due: string;
            /**
             * Format: date-time
             * @description When it was resolved (remotely or by a visit).
             */
            resolved_at?: string | null;
        };
        /** @description Ticket lifecycle state. */
        TicketStatus: "new" | "triaged" | "resolved_remotely" | "needs_visit" | "in_service" | "waiting_for_parts" | "waiting_for_customer" | "resolved" | "closed" | "cancelled" | "reopened";
        /** @description What the customer asks for. */
        TicketType: "fault" | "maintenance" | "installation" | "consultation" | "consumables" | "complaint" | "return";
        /** @description An agreed appointment window. */
        TimeWindow: {
            /**
             * Format: date-time
             * @description Latest arrival.
             */
            end: string;
            /**
             * Format: date-time
             * @description Earliest arrival.
             */
            start: string;
        };
        /** @description Tokens after sign-in or refresh (OAuth 2 token response shape). */
        TokenPair: {
            /** @description Send as `Authorization: Bearer <access_token>`. */
            access_token: string;
            /**
             * Format: uint64
             * @description Seconds the access token is valid.
             */
            expires_in: number;
            /** @description Single use: exchange at `/auth/refresh` for new tokens. */
            refresh_token: string;
            /** @description Always `Bearer`. */
            token_type: string;
        };
        /** @description Request: move a claim on (`svc.billing.claim.transition`). */
        TransitionClaim: {
            /** @description What the brand paid; required for paid. */
            amount?: components["schemas"]["Money"] | null;
            /** @description The claim (from the path). */
            claim_id: string;
            /**
             * Format: int64
             * @description The version the clerk saw (`If-Match`).
             */
            expected_version: number;
            /**
             * @description The brand's decision or remark, up to 500 characters; required to reject.
             * @default
             */
            note: string;
            /**
             * @description submitted (from draft, with the brand's required fields), approved or rejected
             *     (from submitted), paid (from approved, with `amount`).
             */
            to: components["schemas"]["ClaimStatus"];
        };
        /**
         * @description Request: move a ticket to another state by hand (`svc.intake.ticket.transition`):
         *     triage, resolve on the phone, request a visit, wait for parts, close, cancel, reopen.
         */
        TransitionTicket: {
            /**
             * Format: int64
             * @description The version the agent saw; a stale one is refused.
             */
            expected_version: number;
            /**
             * Format: uuid
             * @description The knowledge-base article the answer came from, for `resolved_remotely`.
             */
            faq_article_id?: string | null;
            /**
             * @description Why, up to 2000 characters; required to cancel or reopen.
             * @default
             */
            reason: string;
            /** @description How it was solved, required for `resolved_remotely` (e.g. the FAQ answer given). */
            resolution?: string | null;
            /** @description Ticket id or number. */
            ticket_id: string;
            /** @description The state to move to. */
            to: components["schemas"]["TicketStatus"];
        };
        /**
         * @description Request: move a work order along (`svc.dispatch.workorder.transition`): the
         *     technician accepts, leaves, arrives; a dispatcher cancels.
         */
        TransitionWorkOrder: {
            /**
             * Format: int64
             * @description The version being changed (from `If-Match`).
             */
            expected_version: number;
            /**
             * Format: date-time
             * @description When it happened on the technician's phone (a step taken offline reaches the server
             *     later): at most 5 minutes after the server's clock, at most 72 hours before it and
             *     not before the work order was created. Absent: when the request arrives.
             */
            occurred_at?: string | null;
            /**
             * @description Why (required to cancel), up to 500 characters.
             * @default
             */
            reason: string;
            /** @description `accepted`, `en_route`, `on_site` or `cancelled`. */
            to: components["schemas"]["WorkOrderStatus"];
            /** @description Work order id or number (from the path). */
            work_order_id: string;
        };
        /**
         * @description Request: change a customer (`svc.intake.customer.update`). Only the fields given
         *     change; each change is written to the customer's history. Contacts are replaced as a
         *     whole list; a phone that belongs to another customer is refused (409) naming it.
         */
        UpdateCustomer: {
            /** @description Street address, up to 500 characters. */
            address?: string | null;
            /** @description Company or person, 1–200 characters. */
            company?: string | null;
            /** @description The whole list of contacts, 1–20 (as on registration). */
            contacts?: components["schemas"]["ContactInput"][] | null;
            /** @description Customer id or number. */
            customer_id: string;
            /** @description Service district, 1–64 characters. */
            district?: string | null;
            /**
             * Format: int64
             * @description The version the caller saw; a stale one is refused.
             */
            expected_version: number;
            /** @description The language of those messages. */
            language?: components["schemas"]["Language"] | null;
            /** @description Map position. */
            location?: components["schemas"]["GeoPoint"] | null;
            /** @description Notes, up to 2000 characters. */
            notes?: string | null;
            /** @description How the customer wants to be told about their requests. */
            preferred_channel?: components["schemas"]["NotificationChannel"] | null;
            /** @description Tier. */
            tier?: components["schemas"]["CustomerTier"] | null;
        };
        /**
         * @description Request: change a machine (`svc.intake.machine.update`): where it stands, the
         *     contract on it, notes. Each change is written to the machine's history.
         */
        UpdateMachine: {
            /** @description The maintenance contract covering it (number 1–64 characters, last day covered). */
            contract?: components["schemas"]["MachineContract"] | null;
            /**
             * Format: int64
             * @description The version the caller saw; a stale one is refused.
             */
            expected_version: number;
            /** @description Where it stands at the customer, up to 200 characters. */
            install_location?: string | null;
            /** @description Machine id. */
            machine_id: string;
            /** @description Notes, up to 2000 characters. */
            notes?: string | null;
            /**
             * @description `true` removes the contract reference (not with `contract`).
             * @default false
             */
            remove_contract: boolean;
        };
        /**
         * @description Request: change a part's catalogue entry (`svc.inventory.part.update`); a new list price
         *     is announced for billing.
         */
        UpdatePart: {
            /**
             * @description Spare part or consumable.
             * @default spare_part
             */
            category: components["schemas"]["PartCategory"];
            /**
             * @description Models it fits.
             * @default []
             */
            compatible_models: string[];
            /**
             * Format: int64
             * @description The version being changed (from `If-Match`).
             */
            expected_version: number;
            /**
             * Format: uint8
             * @description Failure-prone rating, 0–5.
             * @default 0
             */
            failure_prone: number;
            list_price: components["schemas"]["Money"] & {
                amount_minor?: unknown;
            } & {
                currency?: unknown;
            };
            /** @description Name, 1–200 characters. */
            name: string;
            /**
             * Format: uint32
             * @description Pages a consumable lasts.
             */
            page_yield?: number | null;
            /** @description The part (from the path). */
            sku: string;
            unit_cost?: (components["schemas"]["Money"] | null) & {
                amount_minor?: unknown;
            } & {
                currency?: unknown;
            };
        };
        /** @description Request: replace a technician's profile (`svc.dispatch.technician.update`). */
        UpdateTechnician: {
            /**
             * @description Whether the technician takes work (false: left the company).
             * @default true
             */
            active: boolean;
            /**
             * @description Certificates.
             * @default []
             */
            certifications: components["schemas"]["Certification"][];
            /**
             * Format: uint32
             * @description Work orders per day (1–50).
             */
            daily_capacity: number;
            /** @description Home district. */
            district: string;
            /**
             * Format: int64
             * @description The version being replaced (from `If-Match`).
             */
            expected_version: number;
            /** @description Full name, 1–100 characters. */
            name: string;
            /**
             * Format: partial-time
             * @description Shift end (default 17:30).
             */
            shift_end?: string | null;
            /**
             * Format: partial-time
             * @description Shift start (default 08:50).
             */
            shift_start?: string | null;
            /**
             * @description Product lines and brands.
             * @default []
             */
            skills: string[];
            /** @description Where the day starts. */
            start_location?: components["schemas"]["GeoPoint"] | null;
            /** @description Team; defaults to the home district. */
            team?: string | null;
            /** @description Technician id (from the path). */
            technician_id: string;
            /** @description Van stock location. */
            van_location?: string | null;
        };
        /** @description Parts used on one model for one fault. */
        UsageLine: {
            /** @description Fault code (empty when none was given). */
            fault: string;
            /** @description Model. */
            model: string;
            /**
             * Format: int64
             * @description Units used.
             */
            quantity: number;
            /** @description Part. */
            sku: string;
            /**
             * Format: int64
             * @description Visits.
             */
            visits: number;
        };
        /** @description The ticket list's filters a view keeps; absent: not filtered. */
        ViewFilters: {
            /** @description Only tickets this account is responsible for (up to 64 characters). */
            owner?: string | null;
            /** @description Only this priority. */
            priority?: components["schemas"]["Priority"] | null;
            /** @description Only this SLA state. */
            sla?: components["schemas"]["SlaState"] | null;
            /** @description Only tickets in this state. */
            status?: components["schemas"]["TicketStatus"] | null;
            /** @description Only this type. */
            type?: components["schemas"]["TicketType"] | null;
        };
        /** @description How a visit ended. */
        VisitOutcome: "completed" | "waiting_for_parts" | "taken_to_workshop" | "could_not_fix";
        /** @description What the technician reported, as kept on the work order. */
        VisitReport: {
            /** @description Adjusted. */
            adjustments: string;
            /** @description The visit was charged to the customer, who signed for it. */
            chargeable?: boolean;
            /**
             * Format: uint8
             * @description Toner or ink left, percent.
             */
            consumables_level?: number | null;
            /** @description Diagnosis. */
            diagnosis: string;
            /** @description Fault code. */
            fault?: string | null;
            /**
             * Format: date-time
             * @description On site until.
             */
            finished_at: string;
            /** @description Hazards seen. */
            hazards: string;
            /**
             * Format: uint64
             * @description Meter reading.
             */
            meter_reading?: number | null;
            /** @description How it ended. */
            outcome: components["schemas"]["VisitOutcome"];
            /** @description Replaced parts. */
            parts: components["schemas"]["PartUsed"][];
            /** @description Cleaned. */
            parts_cleaned: string;
            /** @description Parts needed for a return visit. */
            parts_needed: components["schemas"]["PartUsed"][];
            /** @description Cash collected. */
            payment_collected?: components["schemas"]["Money"] | null;
            /** @description The photo attachments the report refers to. */
            photo_attachment_ids?: string[];
            /** @description Result. */
            result: string;
            /** @description The technician said another visit is needed, for the desk to book. */
            return_visit_needed?: boolean;
            /** @description Why the return visit is needed (empty when not said). */
            return_visit_note?: string;
            /**
             * Format: uuid
             * @description The signature attachment (`GET /attachments/{id}/content`).
             */
            signature_attachment_id?: string | null;
            /** @description Who signed (the image is kept, not shown in lists). */
            signed_by?: string | null;
            /**
             * Format: date-time
             * @description On site from.
             */
            started_at: string;
        };
        /** @description Reply to a warranty card: what was created or linked, and the follow-ups. */
        WarrantyCard: {
            /** @description The card number. */
            card_number: string;
            /** @description The customer. */
            customer: components["schemas"]["Customer"];
            /** @description Whether the customer was already on file. */
            existing_customer: boolean;
            /**
             * Format: date
             * @description The first maintenance visit is to be booked by this date (7 days).
             */
            first_maintenance_by: string;
            /** @description The machine. */
            machine: components["schemas"]["Machine"];
            /**
             * Format: date-time
             * @description The welcome call is due by this instant (2 working days).
             */
            welcome_call_due: string;
        };
        /** @description A work order (工单). */
        WorkOrder: {
            /** @description Street address of the visit. */
            address: string;
            /** @description Agreed appointment window. */
            appointment?: components["schemas"]["TimeWindow"] | null;
            /** @description Why this technician (or why nobody) was chosen. */
            assignment_reasons: string[];
            /**
             * Format: date-time
             * @description Completed.
             */
            completed_at?: string | null;
            /**
             * Format: date-time
             * @description Created.
             */
            created_at: string;
            /** @description Customer name. */
            customer_name: string;
            /** @description Diagnosis, once reported. */
            diagnosis?: string | null;
            /** @description District of the visit. */
            district: string;
            /**
             * Format: uint32
             * @description Expected time on site, minutes.
             */
            estimated_minutes: number;
            /** @description Nobody qualified: waits for a dispatcher. */
            flagged: boolean;
            /** @description Every move, oldest first (in single reads; empty in lists). */
            history?: components["schemas"]["WorkOrderMove"][];
            /**
             * Format: uuid
             * @description UUIDv7.
             */
            id: string;
            /** @description Map position of the visit. */
            location?: components["schemas"]["GeoPoint"] | null;
            /** @description The machine, when known. */
            machine?: components["schemas"]["MachineInfo"] | null;
            /** @description Human number, `W2026-000042`. */
            number: string;
            /** @description Parts used, once reported. */
            parts: components["schemas"]["PartUsed"][];
            /** @description Parts asked of inventory ahead of the visit. */
            parts_requested: components["schemas"]["PartUsed"][];
            /** @description Inventory's answer to the parts request. */
            parts_status?: components["schemas"]["PartsStatus"] | null;
            /**
             * @description Kept with its technician by a day plan: assigned by hand by a dispatcher, or a
             *     return visit to the technician who diagnosed it. A day plan may move an order
             *     assigned automatically to another technician; never a pinned one.
             * @default false
             */
            pinned: boolean;
            /**
             * Format: date-time
             * @description Planned arrival from the published day plan.
             */
            planned_arrival?: string | null;
            /** @description Priority from the ticket. */
            priority: components["schemas"]["Priority"];
            /** @description Skills the technician needs (product line, brand). */
            required_skills: string[];
            /**
             * Format: uuid
             * @description The work order this one returns to (a revisit).
             */
            revisit_of?: string | null;
            /**
             * Format: uint32
             * @description The chosen technician's score.
             */
            score?: number | null;
            /**
             * Format: date-time
             * @description The ticket's resolution deadline.
             */
            sla_due?: string | null;
            /** @description State. */
            status: components["schemas"]["WorkOrderStatus"];
            /**
             * Format: uuid
             * @description Assigned technician.
             */
            technician_id?: string | null;
            /**
             * Format: uuid
             * @description The ticket it serves.
             */
            ticket_id: string;
            /** @description The ticket's number. */
            ticket_number: string;
            /**
             * Format: int64
             * @description Optimistic-concurrency version.
             */
            version: number;
            /** @description The visit report. */
            visit?: components["schemas"]["VisitReport"] | null;
            /** @description What it is for. */
            work_type: components["schemas"]["WorkType"];
        };
        /** @description What one entry of a work order's history changed. */
        WorkOrderChange: "created" | "assigned" | "unassigned" | "status_changed" | "appointment_booked" | "parts_requested" | "parts_updated" | "visit_reported" | "noted";
        /** @description One entry of a work order's history: who, when, what changed and why. */
        WorkOrderHistoryEntry: {
            /** @description Who: an account id, or the service or job that made the change (`dispatch`, `inventory`). */
            actor: string;
            /** @description The account's display name (filled in by the gateway; absent for services and jobs). */
            actor_name?: string | null;
            /** @description The window booked, for `appointment_booked`. */
            appointment?: components["schemas"]["TimeWindow"] | null;
            /**
             * Format: date-time
             * @description When.
             */
            at: string;
            /** @description What kind of change. */
            change: components["schemas"]["WorkOrderChange"];
            /** @description The state before (absent on creation). */
            from_status?: components["schemas"]["WorkOrderStatus"] | null;
            /** @description Why (the reason given, or what the system recorded); may be empty. */
            reason: string;
            /**
             * Format: uuid
             * @description The technician assigned, for `assigned` (recorded since this field exists).
             */
            technician_id?: string | null;
            /** @description The state after. */
            to_status: components["schemas"]["WorkOrderStatus"];
        };
        /** @description One move of a work order, kept for good. */
        WorkOrderMove: {
            /** @description Who. */
            actor: string;
            /**
             * Format: date-time
             * @description When.
             */
            at: string;
            /** @description From (absent on creation). */
            from?: components["schemas"]["WorkOrderStatus"] | null;
            /** @description Why. */
            reason: string;
            /** @description To. */
            to: components["schemas"]["WorkOrderStatus"];
        };
        /** @description The day's tickets and visits. */
        WorkOrderStatistics: {
            /** @description Tickets opened and visits finished per district. */
            by_district: components["schemas"]["DistrictDay"][];
            /** @description Visits finished per technician, most first. */
            by_technician: components["schemas"]["TechnicianDay"][];
            /**
             * Format: uint32
             * @description Callbacks answered that day.
             */
            callbacks_answered: number;
            /**
             * Format: uint32
             * @description Callbacks tried that day without an answer (busy, unreachable, refused).
             */
            callbacks_not_reached: number;
            /**
             * Format: uint32
             * @description Callbacks due by the end of the day and still open.
             */
            callbacks_open: number;
            /**
             * Format: uint32
             * @description Callbacks answered that day whose problem came back.
             */
            repeat_repairs: number;
            /**
             * Format: uint32
             * @description Tickets opened that day.
             */
            tickets_opened: number;
            /**
             * Format: uint32
             * @description Visits finished that day.
             */
            visits_completed: number;
        };
        /** @description Work order state. */
        WorkOrderStatus: "unassigned" | "assigned" | "accepted" | "en_route" | "on_site" | "completed" | "waiting_for_parts" | "taken_to_workshop" | "could_not_fix" | "cancelled";
        /** @description A machine at the workshop and its repair. */
        WorkshopJob: {
            /** @description Accessories received with it. */
            accessories: string[];
            /** @description The customer, printed on the receipt. */
            customer_name: string;
            /** @description The dealer who sent it (origin `dealer`). */
            dealer?: components["schemas"]["Dealer"] | null;
            /** @description The workshop's diagnosis. */
            diagnosis?: string | null;
            /** @description The customer's district. */
            district: string;
            /** @description What is wrong as the customer, dealer or visit said. */
            fault: string;
            /** @description Fault code from the company's fault list. */
            fault_code?: string | null;
            /** @description Its steps, oldest first. */
            history: components["schemas"]["WorkshopStep"][];
            /**
             * Format: uuid
             * @description Id; it stands for the work order in `dispatch.workorder.completed`.
             */
            id: string;
            /** @description The machine. */
            machine?: components["schemas"]["MachineInfo"] | null;
            /** @description Human number, `WS2026-000001`. */
            number: string;
            /** @description Where it came from. */
            origin: components["schemas"]["WorkshopOrigin"];
            /** @description Parts replaced (with the customer's consent). */
            parts?: components["schemas"]["PartUsed"][];
            /** @description Parts the repair needs, as diagnosed. */
            parts_needed?: components["schemas"]["PartUsed"][];
            /**
             * Format: date-time
             * @description When it was received.
             */
            received_at: string;
            /** @description Who received it (account id). */
            received_by: string;
            /**
             * Format: date-time
             * @description The repair's end.
             */
            repair_finished_at?: string | null;
            /**
             * Format: date-time
             * @description The repair's start.
             */
            repair_started_at?: string | null;
            /** @description The result as told to the customer. */
            result?: string;
            /** @description How it goes back (from `ready_for_return`). */
            return_method?: components["schemas"]["ReturnMethod"] | null;
            /** @description The waybill, or who collected it or took delivery. */
            return_reference?: string;
            /**
             * Format: date-time
             * @description When it went back.
             */
            returned_at?: string | null;
            /** @description Where it stands. */
            status: components["schemas"]["WorkshopStatus"];
            /**
             * Format: uuid
             * @description The workshop technician (from the diagnosis on).
             */
            technician_id?: string | null;
            /** @description Their name. */
            technician_name?: string | null;
            /**
             * Format: uuid
             * @description The ticket it serves.
             */
            ticket_id: string;
            /** @description The ticket's number. */
            ticket_number: string;
            /**
             * Format: int64
             * @description Optimistic-concurrency version, also the ETag.
             */
            version: number;
            /**
             * Format: uuid
             * @description The visit that took it there (origin `visit`).
             */
            work_order_id?: string | null;
        };
        /** @description Where a machine at the workshop came from. */
        WorkshopOrigin: "visit" | "customer" | "dealer";
        /** @description Where a workshop job stands. */
        WorkshopStatus: "received" | "diagnosed" | "repairing" | "waiting_for_parts" | "repaired" | "could_not_repair" | "ready_for_return" | "returned";
        /** @description One step of a workshop job, as its history keeps it. */
        WorkshopStep: {
            /**
             * Format: date-time
             * @description When.
             */
            at: string;
            /** @description Who (account id, or `dispatch` for the visit report). */
            by: string;
            /** @description The state before (absent on receipt). */
            from?: components["schemas"]["WorkshopStatus"] | null;
            /** @description What was said. */
            note?: string;
            /** @description The state after. */
            to: components["schemas"]["WorkshopStatus"];
        };
        /** @description What a work order is for. */
        WorkType: "repair" | "maintenance" | "installation" | "training";
    };
    responses: {
        /** @description A service's reply could not be read. */
        BadGateway: {
            headers: {
                /** @description Seconds to wait before retrying (429, 503, 504). */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is not valid JSON, or a query parameter is malformed. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The object's state does not allow this, a duplicate, or the first request with this Idempotency-Key is still in progress. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The caller's role may not use this operation, or the account must change its password first. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A service did not answer in time; retry after Retry-After seconds. */
        GatewayTimeout: {
            headers: {
                /** @description Seconds to wait before retrying (429, 503, 504). */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such object, or one the caller may not see. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is larger than the gateway accepts. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description If-Match names a version that is no longer current: read the object again. */
        PreconditionFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description If-Match is missing: send the ETag of the version read. */
        PreconditionRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description RFC 9457 problem details: 400 malformed, 401 not signed in, 403 role not permitted, 404 not found (also objects that are not yours), 405, 409 conflict, 412 stale If-Match, 413 too large, 415 not JSON, 422 invalid fields (named in `errors`), 428 If-Match missing, 429 slow down (Retry-After), 502/503/504 a service is unavailable or slow (Retry-After). */
        Problem: {
            headers: {
                /** @description Seconds to wait before retrying (429, 503, 504). */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A service is unavailable or busy; retry after Retry-After seconds. */
        ServiceUnavailable: {
            headers: {
                /** @description Seconds to wait before retrying (429, 503, 504). */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Slow down; retry after Retry-After seconds. */
        TooManyRequests: {
            headers: {
                /** @description Seconds to wait before retrying (429, 503, 504). */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Not signed in, or the credentials are wrong, expired or revoked. */
        Unauthenticated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is not sent as application/json. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Invalid fields, named in `errors`, or an Idempotency-Key reused with another request. */
        ValidationFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description The object's version; send it back in If-Match to update. */
        ETag: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listAccounts: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
                /** @description Words of the login or display name (any part, case-insensitive), up to 254 characters. */
                q?: string;
                /** @description Only accounts of this role. */
                role?: components["schemas"]["Role"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Problem"];
        };
    };
    createAccount: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAccount"];
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Problem"];
        };
    };
    getAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Account id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Problem"];
        };
    };
    listApiTokens: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Account id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page2"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Problem"];
        };
    };
    createApiToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Account id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiToken"];
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenCreated"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Problem"];
        };
    };
    revokeApiToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Account id. */
                id: string;
                /** @description API token id. */
                token_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Problem"];
        };
    };
    disableAccount: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Account id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Problem"];
        };
    };
    changeAccountRole: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Account id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The role it has from now on; not `customer` or `technician`, whose accounts are
                     *     linked to their record when created.
                     */
                    role: components["schemas"]["Role"];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Problem"];
        };
    };
    listAccountNames: {
        parameters: {
            query: {
                /** @description Comma-separated account ids, 1–100 of them, each 1–64 characters (`recorded_by`, `updated_by`, an actor). */
                ids: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountNames"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Problem"];
        };
    };
    getAnswerForm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GetAnswerForm"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnswerForm"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    answerByLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerByLink"];
            };
        };
        responses: {
            /** @description Done; no content. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Attachment id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attachment2"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getAttachmentContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Attachment id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file's bytes, in the type they were recognised as when uploaded. */
            200: {
                headers: {
                    /** @description `private`: the bytes of an id never change, and only the caller's own cache may keep them. */
                    "Cache-Control"?: string;
                    /** @description `inline` with the name the server gave the file. */
                    "Content-Disposition"?: string;
                    /** @description The SHA-256 of the bytes; send it in If-None-Match to be answered 304 when unchanged. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listAudit: {
        parameters: {
            query?: {
                /** @description Only what this account did. */
                account_id?: string;
                /** @description Only this action (`account.create`), or every action of a kind (`account`). */
                action?: string;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description From this instant (RFC 3339), inclusive. */
                from?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
                /** @description Only entries about this object (an account id, a customer id, a subject). */
                object?: string;
                /** @description Before this instant (RFC 3339), after `from`. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page3"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Problem"];
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignOut"];
            };
        };
        responses: {
            /** @description Done; no content. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Problem"];
        };
    };
    refreshToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Refresh"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Problem"];
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignIn"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Problem"];
        };
    };
    getBusinessCalendar: {
        parameters: {
            query?: {
                /** @description The year, 2000–2100 (default: the company's current year). */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYear"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getCallAssignmentRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallAssignmentRules"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    replaceCallAssignmentRules: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The rules, 1–200, tried in order. */
                    rules: components["schemas"]["AssignmentRule"][];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallAssignmentRules"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getCallAssignmentRulesHistory: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page (a version number). */
                cursor?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page6"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listCallTasks: {
        parameters: {
            query?: {
                /** @description Only this assignee's: a user id or a queue (`callback_specialist`, `district:tianhe`). */
                assignee?: string;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Only this district's (any case). */
                district?: string;
                /** @description Only this kind. */
                kind?: components["schemas"]["CallTaskKind"];
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
                /** @description open or closed. */
                state?: components["schemas"]["CallTaskState"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page44"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getCallTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Call task id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallTask"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    reassignCallTask: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Call task id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The new assignee: a user id or a queue name, 1–100 characters. */
                    assignee: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallTask"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    recordCallTaskAttempt: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Call task id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description The time agreed with a busy customer (required with `busy`) or the next try of an
                     *     unreachable one (default two working hours later); within 60 days.
                     */
                    next_try_at?: string | null;
                    /**
                     * @description Note, up to 500 characters.
                     * @default
                     */
                    note?: string;
                    /** @description How it ended. */
                    outcome: components["schemas"]["CallOutcome"];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallTask"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    closeCallTask: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Call task id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description What was done, up to 500 characters (required for a complaint answer: it resolves
                     *     the follow-up).
                     * @default
                     */
                    note?: string;
                    /** @description How it ended. */
                    result: components["schemas"]["CallResult"];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallTask"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listCallbacks: {
        parameters: {
            query?: {
                /** @description Only this campaign's. */
                campaign_id?: string;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description `open`: open callbacks already due (overdue included). */
                due?: "open";
                /** @description With `due=open`: due at or before this instant instead of now. */
                due_before?: string;
                /** @description Only visit or campaign callbacks. */
                kind?: components["schemas"]["CallbackKind"];
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
                /** @description `due_at` (default) or `-due_at`. */
                sort?: "due_at" | "-due_at";
                /** @description Only in this state. */
                status?: components["schemas"]["CallbackStatus"];
                /** @description Only this work order's callbacks. */
                work_order_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page38"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getCallback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Callback id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Callback"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    issueAnswerLink: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Callback id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnswerLink"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    recordCallbackAttempt: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Callback id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The answers (`completed` only), up to 60.
                     * @default []
                     */
                    answers?: components["schemas"]["Answer"][];
                    /**
                     * @description Note, up to 500 characters.
                     * @default
                     */
                    note?: string;
                    /** @description How the attempt ended. */
                    outcome: components["schemas"]["AttemptOutcome"];
                    /**
                     * Format: date-time
                     * @description The agreed time to call again (`busy` only; required there).
                     */
                    rescheduled_to?: string | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Callback"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listCampaigns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page42"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    startCampaign: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartCampaign"];
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    cashDay: {
        parameters: {
            query: {
                /** @description The service-local day. */
                day: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page32"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    reconcileCash: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReconcileCash"];
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CashReconciliation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    approveCashVariance: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Reconciliation id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Why it is accepted, 1–500 characters. */
                    note: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CashReconciliation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listClaimRequirements: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page35"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    saveClaimRequirements: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClaimRequirements"];
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimRequirements"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listClaims: {
        parameters: {
            query?: {
                /** @description Only of this brand (case ignored). */
                brand?: string;
                /** @description Only in this state. */
                status?: components["schemas"]["ClaimStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page34"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Claim id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManufacturerClaim"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    setClaimFields: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Claim id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Field name (1–64 characters) to value (up to 500); an empty value removes it. */
                    fields: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManufacturerClaim"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    transitionClaim: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Claim id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description What the brand paid; required for paid. */
                    amount?: components["schemas"]["Money"] | null;
                    /**
                     * @description The brand's decision or remark, up to 500 characters; required to reject.
                     * @default
                     */
                    note?: string;
                    /**
                     * @description submitted (from draft, with the brand's required fields), approved or rejected
                     *     (from submitted), paid (from approved, with `amount`).
                     */
                    to: components["schemas"]["ClaimStatus"];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManufacturerClaim"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getCompanyProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyProfile"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    replaceCompanyProfile: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The particulars. */
                    profile: components["schemas"]["CompanyProfileFields"];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyProfile"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getCompanyProfileHistory: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page (a version number). */
                cursor?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page6"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listContracts: {
        parameters: {
            query?: {
                /** @description Only this customer's contracts. */
                customer_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page28"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    createContract: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateContract"];
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Contract id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    terminateContract: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Contract id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description The new last day covered: from the day before it started (never in force) up to
                     *     its current last day, and not before yesterday.
                     */
                    ends_on: string;
                    /** @description Why, 1–500 characters. */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    findCustomers: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description `true` also finds deactivated customers (merged records are never found; read them by id). */
                include_inactive?: boolean;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
                /** @description Company name starts with this (case-insensitive). */
                name?: string;
                /** @description `show` exports phones and addresses unmasked (agent, manager, admin; audit-logged). */
                personal_data?: components["schemas"]["PersonalData"];
                /** @description A contact's phone, any formatting. */
                phone?: string;
                /** @description A machine's serial number. */
                serial?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page9"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    createCustomer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCustomer"];
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getCustomer: {
        parameters: {
            query?: {
                /** @description Phones and addresses are masked for the desk roles; `show` (agent, dispatcher, callback agent, manager, admin) reveals them for this one record, with a `reason`, and is audit-logged (`personal_data.reveal`). The customer themself and the technician visiting them see them unmasked. */
                personal_data?: components["schemas"]["PersonalData"];
                /** @description Required with `personal_data=show`: why you need the unmasked data, 5–500 characters (kept in the audit log). */
                reason?: string;
            };
            header?: never;
            path: {
                /** @description Customer id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    updateCustomer: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Customer id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Street address, up to 500 characters. */
                    address?: string | null;
                    /** @description Company or person, 1–200 characters. */
                    company?: string | null;
                    /** @description The whole list of contacts, 1–20 (as on registration). */
                    contacts?: components["schemas"]["ContactInput"][] | null;
                    /** @description Service district, 1–64 characters. */
                    district?: string | null;
                    /** @description The language of those messages. */
                    language?: components["schemas"]["Language"] | null;
                    /** @description Map position. */
                    location?: components["schemas"]["GeoPoint"] | null;
                    /** @description Notes, up to 2000 characters. */
                    notes?: string | null;
                    /** @description How the customer wants to be told about their requests. */
                    preferred_channel?: components["schemas"]["NotificationChannel"] | null;
                    /** @description Tier. */
                    tier?: components["schemas"]["CustomerTier"] | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    setCustomerActive: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Customer id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description `false` deactivates, `true` reactivates. */
                    active: boolean;
                    /** @description Why, 1–2000 characters. */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getCustomerHistory: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Customer id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page10"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listMachines: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Customer id (a UUID). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page11"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    mergeCustomers: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description The record that stays: id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The duplicate (id or number). */
                    duplicate_id: string;
                    /**
                     * @description Why, up to 2000 characters.
                     * @default
                     */
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listDailyReports: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page40"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getDailyReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The local working day (2026-11-24). */
                date: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DailyReport"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    publishDayPlan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanDay"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DayPlan"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getDayPlan: {
        parameters: {
            query?: {
                /** @description Only this technician's route. */
                technician_id?: string;
            };
            header?: never;
            path: {
                /** @description The local day, 2026-11-24. */
                date: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DayPlan"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listDeadLetters: {
        parameters: {
            query?: {
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetters"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    replayDeadLetter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The dead letter's `seq` in the list. */
                seq: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayedDeadLetter"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getDurationDefaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DurationDefaults"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    replaceDurationDefaults: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The rules, up to 500. */
                    rules: components["schemas"]["DurationRule"][];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DurationDefaults"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getDurationDefaultsHistory: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page (a version number). */
                cursor?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page6"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    findFaqArticles: {
        parameters: {
            query?: {
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
                /** @description Only this product line. */
                product_line?: string;
                /** @description Words that must all appear in the question or answer. */
                text?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page7"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    createFaqArticle: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateFaqArticle"];
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaqArticle"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getFaqArticle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Article id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaqArticle"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getFaultCodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultCodes"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    replaceFaultCodes: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The codes, up to 200, each once. */
                    codes: components["schemas"]["FaultCode"][];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultCodes"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getFaultCodesHistory: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page (a version number). */
                cursor?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page6"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listFeeSchedules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page29"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    createFeeSchedule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateFeeSchedule"];
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeeSchedule"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listFollowUps: {
        parameters: {
            query?: {
                /** @description Only this agent's. */
                agent?: string;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
                /** @description Only in this state. */
                status?: components["schemas"]["FollowUpStatus"];
                /** @description Only the follow-ups of this ticket. */
                ticket_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page39"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getFollowUp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Follow-up id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUp"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    resolveFollowUp: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Follow-up id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description What the customer was told, 1–2,000 characters. */
                    resolution: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUp"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listForecastPlans: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
                /** @description Only in this state. */
                status?: components["schemas"]["ForecastStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page22"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    startForecastPlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartForecastPlan"];
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForecastPlan"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getForecastPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Plan id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForecastPlan"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    approveForecastPlan: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Plan id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForecastPlan"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listInvoices: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Only this customer's receipts. */
                customer_id?: string;
                /** @description Issued on or after this day (service-local). */
                from?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
                /** @description The receipt number or the customer name contains this (case ignored), up to 100 characters. */
                q?: string;
                /** @description open (something is owed) or settled (nothing is). */
                state?: components["schemas"]["InvoiceState"];
                /** @description Issued on or before this day (service-local). */
                to?: string;
                /** @description Only the receipts of this work order (required for a customer). */
                work_order_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page27"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Receipt id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listCreditNotes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Receipt id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page30"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    createCreditNote: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Receipt id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    amount: components["schemas"]["Money"] & {
                        amount_minor?: unknown;
                    };
                    /** @description Why, 1–500 characters. */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditNote"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    recordIou: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Receipt id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description Promised payment day, within a year of the receipt.
                     */
                    promised_on: string;
                    /** @description Who signed, 1–100 characters. */
                    signed_by: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listPayments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Receipt id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page31"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    recordPayment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Receipt id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    amount: components["schemas"]["Money"] & {
                        amount_minor?: unknown;
                    };
                    /**
                     * Format: uuid
                     * @description The technician who collected cash on site, for the daily reconciliation.
                     */
                    collected_by?: string | null;
                    /** @description How. */
                    method: components["schemas"]["PaymentMethod"];
                    /**
                     * @description Bank or wallet reference, up to 100 characters.
                     * @default
                     */
                    reference?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listLocations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page25"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    createLocation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateLocation"];
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Location"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    registerMachine: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterMachine"];
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Machine"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getMachine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Machine id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Machine"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    updateMachine: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Machine id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The maintenance contract covering it (number 1–64 characters, last day covered). */
                    contract?: components["schemas"]["MachineContract"] | null;
                    /** @description Where it stands at the customer, up to 200 characters. */
                    install_location?: string | null;
                    /** @description Notes, up to 2000 characters. */
                    notes?: string | null;
                    /**
                     * @description `true` removes the contract reference (not with `contract`).
                     * @default false
                     */
                    remove_contract?: boolean;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Machine"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getMachineHistory: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Machine id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page10"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getMachineVisits: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size in tickets, 1–50 (default 20). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Machine id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page12"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listMaintenancePlans: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Only this customer's plans. */
                customer_id?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page17"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    createMaintenancePlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMaintenancePlan"];
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenancePlan"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getMapSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MapSettings"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    whoAmI: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Problem"];
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePassword"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Problem"];
        };
    };
    getPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Preferences"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Problem"];
        };
    };
    savePreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Preferences"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Preferences"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Problem"];
        };
    };
    listMessages: {
        parameters: {
            query?: {
                /** @description Only messages on this channel. */
                channel?: components["schemas"]["NotificationChannel"];
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Only messages to this customer. */
                customer_id?: string;
                /** @description Recorded at or after this instant (RFC 3339). */
                from?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
                /** @description Only messages in this delivery status. */
                status?: components["schemas"]["MessageStatus"];
                /** @description Only messages about this ticket. */
                ticket_id?: string;
                /** @description Recorded before this instant (RFC 3339). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page45"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getMessage: {
        parameters: {
            query?: {
                /** @description Phones and addresses are masked for the desk roles; `show` (agent, dispatcher, callback agent, manager, admin) reveals them for this one record, with a `reason`, and is audit-logged (`personal_data.reveal`). The customer themself and the technician visiting them see them unmasked. */
                personal_data?: components["schemas"]["PersonalData"];
                /** @description Required with `personal_data=show`: why you need the unmasked data, 5–500 characters (kept in the audit log). */
                reason?: string;
            };
            header?: never;
            path: {
                /** @description Message id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SentMessage"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getNotificationChannels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationChannels"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getNotificationTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationTemplates"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    replaceNotificationTemplates: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The texts. */
                    templates: components["schemas"]["NotificationTemplate"][];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationTemplates"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getNotificationTemplatesHistory: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page (a version number). */
                cursor?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page6"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getPartPrices: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Part number. */
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartPrices"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listParts: {
        parameters: {
            query?: {
                /** @description Only spare parts or only consumables. */
                category?: components["schemas"]["PartCategory"];
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
                /** @description SKU, name or a fitting model contains this (case ignored), up to 100 characters. */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page20"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    createPart: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePart"];
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Part"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getPart: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Part number: 1–64 letters, digits, `-`, `_`, `.`. */
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Part"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    updatePart: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Part number: 1–64 letters, digits, `-`, `_`, `.`. */
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Spare part or consumable.
                     * @default spare_part
                     */
                    category?: components["schemas"]["PartCategory"];
                    /**
                     * @description Models it fits.
                     * @default []
                     */
                    compatible_models?: string[];
                    /**
                     * Format: uint8
                     * @description Failure-prone rating, 0–5.
                     * @default 0
                     */
                    failure_prone?: number;
                    list_price: components["schemas"]["Money"] & {
                        amount_minor?: unknown;
                    } & {
                        currency?: unknown;
                    };
                    /** @description Name, 1–200 characters. */
                    name: string;
                    /**
                     * Format: uint32
                     * @description Pages a consumable lasts.
                     */
                    page_yield?: number | null;
                    unit_cost?: (components["schemas"]["Money"] | null) & {
                        amount_minor?: unknown;
                    } & {
                        currency?: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Part"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listMovements: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Part number: 1–64 letters, digits, `-`, `_`, `.`. */
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page21"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    recordMovement: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Part number: 1–64 letters, digits, `-`, `_`, `.`. */
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Kind. */
                    kind: components["schemas"]["ManualMovement"];
                    /** @description Where (the source of a transfer). */
                    location: string;
                    /**
                     * Format: int64
                     * @description Units: 1–100000, or for an adjustment ±1–100000.
                     */
                    quantity: number;
                    /** @description Why, 1–500 characters. */
                    reason: string;
                    /**
                     * @description Work order, delivery note or other reference, up to 200 characters.
                     * @default
                     */
                    reference?: string;
                    /**
                     * @description A removed part kept for the manufacturer's claim (returns only).
                     * @default false
                     */
                    removed_part?: boolean;
                    /** @description Destination of a transfer. */
                    to?: string | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Part"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    receiveStock: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Part number: 1–64 letters, digits, `-`, `_`, `.`. */
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Stock location, e.g. `main` (the central warehouse). */
                    location: string;
                    /**
                     * Format: uint32
                     * @description Units received, 1–100000.
                     */
                    quantity: number;
                    /**
                     * @description Purchase order or delivery note.
                     * @default
                     */
                    reference?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Part"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listStockRules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Part number: 1–64 letters, digits, `-`, `_`, `.`. */
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page23"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    saveStockRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Part number: 1–64 letters, digits, `-`, `_`, `.`. */
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The location. */
                    location: string;
                    /**
                     * Format: uint32
                     * @description Restock up to this (> reorder point).
                     */
                    max: number;
                    /**
                     * Format: uint32
                     * @description Keep at least this (≤ reorder point).
                     */
                    min: number;
                    /**
                     * Format: uint32
                     * @description Restock when available plus on order falls to this.
                     */
                    reorder_point: number;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockRule"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getPriorityRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PriorityRules"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    replacePriorityRules: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The new rules, 1–200, in order. */
                    rules: components["schemas"]["PriorityRule"][];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PriorityRules"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getPriorityRulesHistory: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page (a version number). */
                cursor?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page6"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listProductLines: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page13"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    saveProductLine: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductLine"];
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductLine"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listPurchaseRequests: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
                /** @description Only in this state. */
                status?: components["schemas"]["PurchaseStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page24"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    createPurchaseRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePurchaseRequest"];
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseRequest"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getPurchaseRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Purchase request id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseRequest"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    movePurchaseRequest: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Purchase request id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Supplier order or delivery reference, up to 200 characters.
                     * @default
                     */
                    reference?: string;
                    /** @description The new state. */
                    to: components["schemas"]["PurchaseStatus"];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseRequest"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getQualityThresholds: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QualityThresholds"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    replaceQualityThresholds: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description One per window (each window at most once). */
                    thresholds: components["schemas"]["QualityThreshold"][];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QualityThresholds"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getQualityThresholdsHistory: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page (a version number). */
                cursor?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page6"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listQualityWarnings: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
                /** @description Only this model. */
                model?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page43"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getQuestionnaire: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Questionnaire"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    replaceQuestionnaire: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Level at or below which a rating needs a follow-up. */
                    follow_up_at: components["schemas"]["Level"];
                    /** @description Score per level; all five levels, each once. */
                    levels: components["schemas"]["LevelScore"][];
                    /** @description The questions, 1–30. */
                    questions: components["schemas"]["Question"][];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Questionnaire"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getQuestionnaireHistory: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page (a version number). */
                cursor?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page6"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getQuotation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Quotation id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quotation"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    answerQuotation: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Quotation id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Accepted or refused. */
                    answer: components["schemas"]["QuotationDecision"];
                    /** @description Who answered for the customer, 1–100 characters. */
                    answered_by: string;
                    /**
                     * @description What the customer said, up to 500 characters.
                     * @default
                     */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quotation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listRankings: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description weekly or monthly. */
                kind?: components["schemas"]["RankingKind"];
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page41"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    publishRanking: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishRanking"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ranking"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getRanking: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Ranking id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ranking"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listReceivableChases: {
        parameters: {
            query: {
                /** @description Only the chases whose call is assigned to this agent: a user id or a queue (`district:haizhu`), 1-100 characters. */
                agent?: string;
                /** @description Only this district's (any case), 1-100 characters. */
                district?: string;
                /** @description Any day of the week (service-local); the week runs Monday to Sunday. */
                week: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceivableChaseList"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listRefunds: {
        parameters: {
            query?: {
                /** @description Only due or only paid refunds. */
                status?: components["schemas"]["RefundStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page33"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getRefund: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Refund id or return ticket id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Refund"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    payRefund: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Refund id or return ticket id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    amount: components["schemas"]["Money"] & {
                        amount_minor?: unknown;
                    };
                    /** @description How. */
                    method: components["schemas"]["PaymentMethod"];
                    /**
                     * @description Bank or wallet reference, up to 100 characters.
                     * @default
                     */
                    reference?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Refund"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listRenewals: {
        parameters: {
            query?: {
                /** @description Only in this state. */
                status?: components["schemas"]["RenewalStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page37"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getRenewal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Renewal id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Renewal"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    recordRenewalOutcome: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Renewal id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Renewed: what it covers (default: as before; for a warranty, everything with a
                     *     visit a month).
                     */
                    coverage?: components["schemas"]["ContractCoverage"] | null;
                    /**
                     * Format: date
                     * @description Renewed: the new contract's last day (default: a year after it starts, the day
                     *     after the old end).
                     */
                    ends_on?: string | null;
                    /**
                     * @description What the customer said, up to 500 characters; required when declined.
                     * @default
                     */
                    note?: string;
                    /** @description Renewed or declined. */
                    outcome: components["schemas"]["RenewalOutcome"];
                    /** @description Renewed: its price (default: the ending contract's; required for a warranty). */
                    price?: components["schemas"]["Money"] | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Renewal"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getReportBackRegister: {
        parameters: {
            query?: {
                /** @description Only this technician's row. */
                technician_id?: string;
            };
            header?: never;
            path: {
                /** @description The company's local day, 2026-12-08. */
                date: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportBackRegister"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    appraisal: {
        parameters: {
            query: {
                /** @description First local day (2026-11-01). */
                from: string;
                /** @description Last local day, inclusive. */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppraisalReport"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    appraisalCsv: {
        parameters: {
            query: {
                /** @description First local day (2026-11-01). */
                from: string;
                /** @description Last local day, inclusive. */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report as a CSV file (RFC 4180, UTF-8 with a byte-order mark), the same figures as its JSON form: a header line of the columns role, id, name, team, workload, rated_callbacks, repeat_repairs, follow_ups, attitude_score, score, then one line per row. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    callbackCoverage: {
        parameters: {
            query: {
                /** @description First local day (2026-11-01). */
                from: string;
                /** @description Last local day, inclusive. */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoverageReport"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    callbackCoverageCsv: {
        parameters: {
            query: {
                /** @description First local day (2026-11-01). */
                from: string;
                /** @description Last local day, inclusive. */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report as a CSV file (RFC 4180, UTF-8 with a byte-order mark), the same figures as its JSON form: a header line of the columns from, to, visits, completed, refused, unreachable, open, overdue, coverage_tenths, then one line per row. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    callbackScores: {
        parameters: {
            query: {
                /** @description First local day (2026-11-01). */
                from: string;
                /** @description technician, agent, team or district. */
                group_by: components["schemas"]["ScoreGroup"];
                /** @description Last local day, inclusive. */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScoreReport"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    callbackScoresCsv: {
        parameters: {
            query: {
                /** @description First local day (2026-11-01). */
                from: string;
                /** @description technician, agent, team or district. */
                group_by: components["schemas"]["ScoreGroup"];
                /** @description Last local day, inclusive. */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report as a CSV file (RFC 4180, UTF-8 with a byte-order mark), the same figures as its JSON form: a header line of the columns rank, key, name, callbacks, mean_milli, repeat_repairs, then one line per row. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    claimsOutstanding: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page36"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    claimsOutstandingCsv: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report as a CSV file (RFC 4180, UTF-8 with a byte-order mark), the same figures as its JSON form: a header line of the columns brand, draft, draft_minor, submitted, submitted_minor, approved, approved_minor, oldest, then one line per row. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    contractsSigned: {
        parameters: {
            query: {
                /** @description The month, `2026-11` (or any day of it). */
                month: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractsSignedReport"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    contractsSignedCsv: {
        parameters: {
            query: {
                /** @description The month, `2026-11` (or any day of it). */
                month: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report as a CSV file (RFC 4180, UTF-8 with a byte-order mark), the same figures as its JSON form: a header line of the columns number, customer_id, customer_name, district, machines, starts_on, ends_on, call_out, labour, parts, visit_every_months, price_minor, currency, created_at, then one line per row. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    receivables: {
        parameters: {
            query: {
                /** @description The day ages are counted to. */
                as_of: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceivablesReport"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    receivablesCsv: {
        parameters: {
            query: {
                /** @description The day ages are counted to. */
                as_of: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report as a CSV file (RFC 4180, UTF-8 with a byte-order mark), the same figures as its JSON form: a header line of the columns number, customer_name, issued_on, age_days, bucket, outstanding_minor, currency, iou_promised_on, then one line per row. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    revenue: {
        parameters: {
            query: {
                /** @description First day (service-local), inclusive. */
                from: string;
                /** @description month (default), work_type, district or technician. */
                group_by?: components["schemas"]["RevenueGrouping"];
                /** @description Last day, inclusive; at most 400 days after from. */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevenueReport"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    revenueCsv: {
        parameters: {
            query: {
                /** @description First day (service-local), inclusive. */
                from: string;
                /** @description month (default), work_type, district or technician. */
                group_by?: components["schemas"]["RevenueGrouping"];
                /** @description Last day, inclusive; at most 400 days after from. */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report as a CSV file (RFC 4180, UTF-8 with a byte-order mark), the same figures as its JSON form: a header line of the columns key, receipts, at_price_minor, charged_minor, credited_minor, net_minor, warranty_cost_minor, contract_cost_minor, manufacturer_minor, discount_minor, currency, then one line per row. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    satisfactionIndex: {
        parameters: {
            query: {
                /** @description First local day (2026-11-01). */
                from: string;
                /** @description team or district. */
                group_by: components["schemas"]["IndexGroup"];
                /** @description month or quarter (default). */
                interval?: components["schemas"]["Interval"];
                /** @description Last local day, inclusive. */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SatisfactionReport"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    satisfactionIndexCsv: {
        parameters: {
            query: {
                /** @description First local day (2026-11-01). */
                from: string;
                /** @description team or district. */
                group_by: components["schemas"]["IndexGroup"];
                /** @description month or quarter (default). */
                interval?: components["schemas"]["Interval"];
                /** @description Last local day, inclusive. */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report as a CSV file (RFC 4180, UTF-8 with a byte-order mark), the same figures as its JSON form: a header line of the columns group, period, ratings, index_tenths, change_tenths, then one line per row. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    stockReport: {
        parameters: {
            query: {
                /** @description First day (UTC), 2026-11-01. */
                from: string;
                /** @description Last day, inclusive. */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockReport"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    stockReportCsv: {
        parameters: {
            query: {
                /** @description First day (UTC), 2026-11-01. */
                from: string;
                /** @description Last day, inclusive. */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report as a CSV file (RFC 4180, UTF-8 with a byte-order mark), the same figures as its JSON form: a header line of the columns sku, name, on_hand, value_minor, used, turnover, slow_mover, failure_prone, then one line per row. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    ticketReport: {
        parameters: {
            query: {
                /** @description Tickets opened at or after this instant (RFC 3339). */
                from: string;
                /** @description district, priority, type, tier, product_line, owner, month, week or channel (phone, web, email, chat, walk_in, dealer_drop_off, planned). */
                group_by: components["schemas"]["ReportGroup"];
                /** @description Tickets opened before this instant (RFC 3339); at most 400 days after `from`. */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketReport"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    ticketReportCsv: {
        parameters: {
            query: {
                /** @description Tickets opened at or after this instant (RFC 3339). */
                from: string;
                /** @description district, priority, type, tier, product_line, owner, month, week or channel (phone, web, email, chat, walk_in, dealer_drop_off, planned). */
                group_by: components["schemas"]["ReportGroup"];
                /** @description Tickets opened before this instant (RFC 3339); at most 400 days after `from`. */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report as a CSV file (RFC 4180, UTF-8 with a byte-order mark), the same figures as its JSON form: a header line of the columns key, tickets, responded, response_met, mean_response_minutes, resolved, resolution_met, mean_resolution_minutes, sla_compliance, paused, paused_minutes, reopened, complaints, then one line per row. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    visitReport: {
        parameters: {
            query: {
                /** @description First local day (2026-11-01). */
                from: string;
                /** @description technician or district. */
                group_by: components["schemas"]["DispatchGroup"];
                /** @description Last local day, inclusive. */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DispatchReport"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    visitReportCsv: {
        parameters: {
            query: {
                /** @description First local day (2026-11-01). */
                from: string;
                /** @description technician or district. */
                group_by: components["schemas"]["DispatchGroup"];
                /** @description Last local day, inclusive. */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report as a CSV file (RFC 4180, UTF-8 with a byte-order mark), the same figures as its JSON form: a header line of the columns key, name, visits, completed, first_time_fixes, first_visits, first_time_fix_tenths, return_visits, with_appointment, on_time, on_time_tenths, service_minutes, travel_minutes, idle_minutes, utilisation_tenths, then one line per row. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    requestTicketCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestCode"];
            };
        };
        responses: {
            /** @description Success. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CodeRequested"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    redeemTicketCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RedeemCode"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getSlaPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlaPolicy"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    replaceSlaPolicy: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The targets. */
                    targets: components["schemas"]["SlaTargetRule"][];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlaPolicy"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getSlaPolicyHistory: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page (a version number). */
                cursor?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page6"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listStocktakes: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
                /** @description Only in this state. */
                status?: components["schemas"]["StocktakeStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page26"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    startStocktake: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartStocktake"];
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Stocktake"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getStocktake: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Stocktake id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Stocktake"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    decideStocktake: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Stocktake id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Book the variances (true) or not. */
                    approve: boolean;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Stocktake"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    streamUpdates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A stream of server-sent events: `ready` first, then one event per change the caller may see, named by its event type (`data` JSON with the ids concerned, never personal data; `id` the event's id), `lagged` when updates were dropped for a slow reader, `ended` when the access that opened the stream ended. Events: `ready`, `intake.ticket.opened`, `intake.ticket.sla_warning`, `intake.ticket.sla_breached`, `dispatch.workorder.assigned`, `dispatch.workorder.unassigned`, `dispatch.workorder.completed`, `dispatch.workorder.waiting_for_parts`, `dispatch.workorder.taken_to_workshop`, `dispatch.workorder.could_not_fix`, `dispatch.workorder.cancelled`, `dispatch.workorder.status_changed`, `dispatch.workorder.appointment_booked`, `survey.callback.scheduled`, `survey.callback.recorded`, `survey.callback.problem_persists`, `survey.call_task.due`, `survey.call_task.escalated`, `lagged`, `ended`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listTechnicians: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Only this district's. */
                district?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
                /** @description Only this team's. */
                team?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page16"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    createTechnician: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTechnician"];
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Technician"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getTechnician: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Technician id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Technician"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    updateTechnician: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Technician id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Whether the technician takes work (false: left the company).
                     * @default true
                     */
                    active?: boolean;
                    /**
                     * @description Certificates.
                     * @default []
                     */
                    certifications?: components["schemas"]["Certification"][];
                    /**
                     * Format: uint32
                     * @description Work orders per day (1–50).
                     */
                    daily_capacity: number;
                    /** @description Home district. */
                    district: string;
                    /** @description Full name, 1–100 characters. */
                    name: string;
                    /**
                     * Format: partial-time
                     * @description Shift end (default 17:30).
                     */
                    shift_end?: string | null;
                    /**
                     * Format: partial-time
                     * @description Shift start (default 08:50).
                     */
                    shift_start?: string | null;
                    /**
                     * @description Product lines and brands.
                     * @default []
                     */
                    skills?: string[];
                    /** @description Where the day starts. */
                    start_location?: components["schemas"]["GeoPoint"] | null;
                    /** @description Team; defaults to the home district. */
                    team?: string | null;
                    /** @description Van stock location. */
                    van_location?: string | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Technician"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    recordDeparture: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Technician id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description When they left, as the phone saw it (at most 5 minutes ahead of the server and 72
                     *     hours behind); the server's time when absent.
                     */
                    occurred_at?: string | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisterRow"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    addLeave: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Technician id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description First day away.
                     */
                    from: string;
                    /**
                     * @description Why, up to 200 characters.
                     * @default
                     */
                    reason?: string;
                    /**
                     * Format: date
                     * @description Last day away.
                     */
                    to: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Technician"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    recordReportBack: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Technician id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description What the technician said, up to 500 characters.
                     * @default
                     */
                    note?: string;
                    /**
                     * Format: date-time
                     * @description When the call came (at most 5 minutes ahead of the server and 72 hours behind); the
                     *     server's time when absent.
                     */
                    occurred_at?: string | null;
                    /**
                     * Format: uuid
                     * @description The work order (visit) the call reports on; absent for a call about the day in
                     *     general. It must be the technician's.
                     */
                    work_order_id?: string | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisterRow"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listTickets: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Only this customer's tickets. */
                customer_id?: string;
                /** @description Only this district. */
                district?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
                /** @description Opened at or after this instant (RFC 3339). */
                opened_from?: string;
                /** @description Opened before this instant (RFC 3339). */
                opened_to?: string;
                /** @description Only tickets this account is responsible for. */
                owner?: string;
                /** @description `show` exports phones and addresses unmasked (agent, manager, admin; audit-logged). */
                personal_data?: components["schemas"]["PersonalData"];
                /** @description Only this priority. */
                priority?: components["schemas"]["Priority"];
                /** @description Only tickets on track, at risk (80 % of a target used) or breached. */
                sla?: components["schemas"]["SlaState"];
                /** @description `-opened_at` (newest first, the default) or `opened_at`. */
                sort?: "-opened_at" | "opened_at";
                /** @description Only tickets in this state. */
                status?: components["schemas"]["TicketStatus"];
                /** @description Only this type of request. */
                type?: components["schemas"]["TicketType"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page4"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    openTicket: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenTicket"];
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getTicket: {
        parameters: {
            query?: {
                /** @description Phones and addresses are masked for the desk roles; `show` (agent, dispatcher, callback agent, manager, admin) reveals them for this one record, with a `reason`, and is audit-logged (`personal_data.reveal`). The customer themself and the technician visiting them see them unmasked. */
                personal_data?: components["schemas"]["PersonalData"];
                /** @description Required with `personal_data=show`: why you need the unmasked data, 5–500 characters (kept in the audit log). */
                reason?: string;
            };
            header?: never;
            path: {
                /** @description Ticket id or number (T2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listTicketAttachments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Ticket id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page19"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    uploadTicketAttachment: {
        parameters: {
            query: {
                /** @description photo (at most 10 MiB) or signature (at most 200 KiB). */
                kind: components["schemas"]["AttachmentKind"];
            };
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Ticket id or number. */
                id: string;
            };
            cookie?: never;
        };
        /** @description The file's raw bytes (not multipart), sent with its Content-Type: image/jpeg, image/png or image/webp. The bytes are checked: a file whose first bytes are not a JPEG, PNG or WebP image is refused with 415 whatever it is declared as, and one that is another of the three than declared with 422 (`body`, `content_mismatch`). A photo is at most 10 MiB (10485760 bytes), a signature at most 200 KiB (204800 bytes): larger is refused with 413 naming `body` (a declared Content-Length is refused before anything is read). An owner holds at most 50 attachments. The name the file is stored under is made by the server; nothing the client sends names it. Send an Idempotency-Key: a retry of the whole upload after a dropped connection then stores one attachment (the first answer is returned again); an upload whose body did not arrive whole stores nothing. */
        requestBody: {
            content: {
                "image/jpeg": string;
                "image/png": string;
                "image/webp": string;
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attachment2"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getTicketHistory: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Ticket id or number (T2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page5"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listTicketMessages: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Ticket id or number (T2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page45"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listTicketNotes: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Ticket id or number (T2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page8"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    addTicketNote: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Ticket id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The note, 1–4000 characters. */
                    text: string;
                    /** @description Who sees it. */
                    visibility: components["schemas"]["NoteVisibility"];
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketNote"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    assignTicketOwner: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Ticket id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Account id of the agent or manager. */
                    owner: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    setTicketPriority: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Ticket id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The new priority. */
                    priority: components["schemas"]["Priority"];
                    /** @description Why, 1–2000 characters. */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    promiseTicketReply: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Ticket id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description What was promised, up to 500 characters.
                     * @default
                     */
                    note?: string;
                    /**
                     * Format: date-time
                     * @description The reply is due by then: in the future, at most 30 days ahead.
                     */
                    reply_by: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    recordTicketReply: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Ticket id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description What the customer was told, up to 2000 characters.
                     * @default
                     */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    inspectReturn: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Ticket id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description What the inspection found, 1–2000 characters. */
                    notes: string;
                    /** @description The verdict. */
                    outcome: components["schemas"]["ReturnOutcome"];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    moveTicket: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Ticket id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description The knowledge-base article the answer came from, for `resolved_remotely`.
                     */
                    faq_article_id?: string | null;
                    /**
                     * @description Why, up to 2000 characters; required to cancel or reopen.
                     * @default
                     */
                    reason?: string;
                    /** @description How it was solved, required for `resolved_remotely` (e.g. the FAQ answer given). */
                    resolution?: string | null;
                    /** @description The state to move to. */
                    to: components["schemas"]["TicketStatus"];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    registerWarrantyCard: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterWarrantyCard"];
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WarrantyCard"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listWorkOrders: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description `true`: only the ones nobody qualified for. */
                flagged?: boolean;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
                /** @description `created_at` (oldest first, the default) or `-created_at`. */
                sort?: "created_at" | "-created_at";
                /** @description Only in this state. */
                status?: components["schemas"]["WorkOrderStatus"];
                /** @description Only this technician's work orders. */
                technician_id?: string;
                /** @description Only the work orders of this ticket. */
                ticket_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page14"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getWorkOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Work order id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkOrder"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookAppointment: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Work order id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The window. */
                    window: components["schemas"]["TimeWindow"];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkOrder"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    assignWorkOrder: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Work order id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Why, 1–500 characters. */
                    reason: string;
                    /**
                     * Format: uuid
                     * @description The technician; absent: choose automatically.
                     */
                    technician_id?: string | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkOrder"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listWorkOrderAttachments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Work order id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page19"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    uploadWorkOrderAttachment: {
        parameters: {
            query: {
                /** @description photo (at most 10 MiB) or signature (at most 200 KiB). */
                kind: components["schemas"]["AttachmentKind"];
            };
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Work order id or number. */
                id: string;
            };
            cookie?: never;
        };
        /** @description The file's raw bytes (not multipart), sent with its Content-Type: image/jpeg, image/png or image/webp. The bytes are checked: a file whose first bytes are not a JPEG, PNG or WebP image is refused with 415 whatever it is declared as, and one that is another of the three than declared with 422 (`body`, `content_mismatch`). A photo is at most 10 MiB (10485760 bytes), a signature at most 200 KiB (204800 bytes): larger is refused with 413 naming `body` (a declared Content-Length is refused before anything is read). An owner holds at most 50 attachments. The name the file is stored under is made by the server; nothing the client sends names it. Send an Idempotency-Key: a retry of the whole upload after a dropped connection then stores one attachment (the first answer is returned again); an upload whose body did not arrive whole stores nothing. */
        requestBody: {
            content: {
                "image/jpeg": string;
                "image/png": string;
                "image/webp": string;
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attachment2"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    previewWorkOrderCharge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Work order id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Fault code from the company's fault list, `[a-z0-9_]`, 1–64 characters (a flat
                     *     labour rate may apply to it; a misuse fault voids the warranty).
                     */
                    fault?: string | null;
                    /**
                     * Format: date-time
                     * @description When it finished, or now while the work goes on (not before `started_at`).
                     */
                    finished_at: string;
                    /**
                     * @description How the visit ends (default completed): a visit waiting for parts is charged its
                     *     call-out and labour, one taken to the workshop or that could not fix nothing.
                     * @default completed
                     */
                    outcome?: components["schemas"]["VisitOutcome"];
                    /**
                     * @description Parts used, up to 100 lines.
                     * @default []
                     */
                    parts?: (components["schemas"]["PartUsed"] & {
                        location?: unknown;
                        quantity?: unknown;
                        sku?: unknown;
                    })[];
                    /**
                     * Format: date-time
                     * @description When work on site started.
                     */
                    started_at: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChargePreview"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    completeWorkOrder: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Work order id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Adjustments made, up to 1000 characters.
                     * @default
                     */
                    adjustments?: string;
                    /**
                     * @description The visit is charged to the customer (the amount the receipt will charge was shown
                     *     to them): their consent is their signature, so the report needs `signature` with
                     *     its drawing (`attachment_id`).
                     * @default false
                     */
                    chargeable?: boolean;
                    /**
                     * Format: uint8
                     * @description Toner or ink left, percent 0–100.
                     */
                    consumables_level?: number | null;
                    /** @description What was wrong, 1–4000 characters. */
                    diagnosis: string;
                    /**
                     * @description Fault code from the company's fault list (`GET /fault-codes`, e.g. `paper_feed`),
                     *     `[a-z0-9_]`, 1–64 characters, active on the list; quality warnings count repeats
                     *     by it.
                     */
                    fault?: string | null;
                    /**
                     * Format: date-time
                     * @description When it finished (not before `started_at`).
                     */
                    finished_at: string;
                    /**
                     * @description Hazards seen (loose wiring, overheating), up to 1000 characters.
                     * @default
                     */
                    hazards?: string;
                    /**
                     * Format: uint64
                     * @description Meter reading (复印量) at the visit.
                     */
                    meter_reading?: number | null;
                    /**
                     * @description How the visit ended (default completed).
                     * @default completed
                     */
                    outcome?: components["schemas"]["VisitOutcome"];
                    /**
                     * @description Parts replaced (after the customer's consent), up to 100 lines.
                     * @default []
                     */
                    parts?: (components["schemas"]["PartUsed"] & {
                        location?: unknown;
                        quantity?: unknown;
                        sku?: unknown;
                    })[];
                    /**
                     * @description What was cleaned, up to 1000 characters.
                     * @default
                     */
                    parts_cleaned?: string;
                    /**
                     * @description Whether the customer agreed to the parts replaced; required when parts are listed.
                     * @default false
                     */
                    parts_consent?: boolean;
                    /**
                     * @description Parts needed for the return visit (`waiting_for_parts` only), up to 100 lines.
                     * @default []
                     */
                    parts_needed?: (components["schemas"]["PartUsed"] & {
                        location?: unknown;
                        quantity?: unknown;
                        sku?: unknown;
                    })[];
                    payment_collected?: (components["schemas"]["Money"] | null) & {
                        amount_minor?: unknown;
                    };
                    /**
                     * @description Photos of the machine and the fault: attachments of kind `photo` uploaded to this
                     *     work order, at most 20, each once.
                     */
                    photo_attachment_ids?: string[];
                    /**
                     * @description The result as told to the customer, up to 1000 characters.
                     * @default
                     */
                    result?: string;
                    /**
                     * @description The technician says another visit is needed, for the desk to book.
                     * @default false
                     */
                    return_visit_needed?: boolean;
                    /**
                     * @description Why the return visit is needed, up to 1000 characters; only with
                     *     `return_visit_needed`.
                     * @default
                     */
                    return_visit_note?: string;
                    /** @description The customer's signature. */
                    signature?: components["schemas"]["Signature"] | null;
                    /**
                     * Format: date-time
                     * @description When work on site started.
                     */
                    started_at: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkOrder"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getWorkOrderHistory: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Work order id or number (W2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page15"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    requestParts: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Work order id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The parts, 1–50 lines. */
                    parts: (components["schemas"]["PartUsed"] & {
                        quantity?: unknown;
                        sku?: unknown;
                    })[];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkOrder"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listWorkOrderQuotations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Work order id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotationList"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    offerQuotation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Work order id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Fault code from the company's fault list, `[a-z0-9_]`, 1–64 characters (a flat
                     *     labour rate may apply to it; a misuse fault voids the warranty).
                     */
                    fault?: string | null;
                    /**
                     * Format: date-time
                     * @description When it finished, or now while the work goes on (not before `started_at`).
                     */
                    finished_at: string;
                    /**
                     * @description How the visit ends (default completed): a visit waiting for parts is charged its
                     *     call-out and labour, one taken to the workshop or that could not fix nothing.
                     * @default completed
                     */
                    outcome?: components["schemas"]["VisitOutcome"];
                    /**
                     * @description Parts used, up to 100 lines.
                     * @default []
                     */
                    parts?: (components["schemas"]["PartUsed"] & {
                        location?: unknown;
                        quantity?: unknown;
                        sku?: unknown;
                    })[];
                    /**
                     * Format: date-time
                     * @description When work on site started.
                     */
                    started_at: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quotation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    moveWorkOrder: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Work order id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description When it happened on the technician's phone (a step taken offline reaches the server
                     *     later): at most 5 minutes after the server's clock, at most 72 hours before it and
                     *     not before the work order was created. Absent: when the request arrives.
                     */
                    occurred_at?: string | null;
                    /**
                     * @description Why (required to cancel), up to 500 characters.
                     * @default
                     */
                    reason?: string;
                    /** @description `accepted`, `en_route`, `on_site` or `cancelled`. */
                    to: components["schemas"]["WorkOrderStatus"];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkOrder"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    listWorkshopJobs: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–500 (default 50). */
                limit?: number;
                /** @description Only from this origin (visit, customer, dealer). */
                origin?: components["schemas"]["WorkshopOrigin"];
                /** @description Only in this state. */
                status?: components["schemas"]["WorkshopStatus"];
                /** @description Only this workshop technician's. */
                technician_id?: string;
                /** @description Only this ticket's. */
                ticket_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page18"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    receiveWorkshopJob: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Accessories received with the machine, up to 20, each 1–100 characters.
                     * @default []
                     */
                    accessories?: string[];
                    /** @description The dealer (origin `dealer` only, required there). */
                    dealer?: components["schemas"]["Dealer"] | null;
                    /**
                     * @description What is wrong as the customer or dealer says, 1–4000 characters (origin `visit`:
                     *     the visit's diagnosis when absent).
                     * @default
                     */
                    fault?: string;
                    /** @description Where it came from. */
                    origin: components["schemas"]["WorkshopOrigin"];
                    /**
                     * Format: uuid
                     * @description The ticket (origins `customer` and `dealer`).
                     */
                    ticket_id?: string | null;
                    /** @description The visit's work order, id or number (origin `visit`). */
                    work_order_id?: string | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkshopJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    getWorkshopJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Job id or number (WS2026-000001). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkshopJob"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    diagnoseWorkshopJob: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Job id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description What is wrong, 1–4000 characters. */
                    diagnosis: string;
                    /** @description Fault code from the company's fault list, active on it. */
                    fault?: string | null;
                    /**
                     * @description Parts the repair needs, up to 100 lines.
                     * @default []
                     */
                    parts_needed?: (components["schemas"]["PartUsed"] & {
                        location?: unknown;
                        quantity?: unknown;
                        sku?: unknown;
                    })[];
                    /**
                     * Format: uuid
                     * @description The workshop technician who diagnoses and repairs it (a technician names
                     *     themselves).
                     */
                    technician_id: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkshopJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    repairWorkshopJob: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Job id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description When it finished (not before `started_at`, not in the future).
                     */
                    finished_at: string;
                    /**
                     * @description Parts replaced, up to 100 lines.
                     * @default []
                     */
                    parts?: (components["schemas"]["PartUsed"] & {
                        location?: unknown;
                        quantity?: unknown;
                        sku?: unknown;
                    })[];
                    /**
                     * @description The customer agreed to the parts replaced; required when parts are listed.
                     * @default false
                     */
                    parts_consent?: boolean;
                    /**
                     * @description The result as told to the customer, up to 1000 characters.
                     * @default
                     */
                    result?: string;
                    /**
                     * Format: date-time
                     * @description When the repair work started.
                     */
                    started_at: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkshopJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
    advanceWorkshopJob: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version read; 412 when it changed since, 428 when missing. */
                "If-Match": string;
            };
            path: {
                /** @description Job id or number. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description A note on the step (why it waits, why it cannot be repaired), up to 1000
                     *     characters; required for `could_not_repair`.
                     * @default
                     */
                    note?: string;
                    /**
                     * @description The waybill, or who collected it or took delivery (`returned`), up to 1000
                     *     characters; required when shipped back to the dealer.
                     * @default
                     */
                    reference?: string;
                    /**
                     * @description How it goes back; required for `ready_for_return`, `shipped_to_dealer` for dealer
                     *     jobs only.
                     */
                    return_method?: components["schemas"]["ReturnMethod"] | null;
                    /**
                     * @description `repairing`, `waiting_for_parts`, `could_not_repair`, `ready_for_return` or
                     *     `returned` (`repaired` is the repair report's, `received` and `diagnosed` their
                     *     own requests').
                     */
                    to: components["schemas"]["WorkshopStatus"];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkshopJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["Problem"];
        };
    };
}
