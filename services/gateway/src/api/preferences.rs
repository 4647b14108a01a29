//! Per-account preferences (`/me/preferences`): the language the web console opens in, so
//! an agent who chose English gets English on any browser after signing in, and the ticket
//! queue's views the account saved under a name. Kept by the gateway beside the account;
//! any signed-in account may read and set its own.
use aftercare_contracts::FieldError;
use aftercare_contracts::intake::{Language, Priority, SlaState, TicketStatus, TicketType};
use aftercare_platform::now_ms;
use axum::Json;
use axum::body::Body;
use axum::extract::{Extension, State};
use axum::http::HeaderMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::operation::{self, Routes};
use crate::body::json_with;
use crate::error::ApiError;
use crate::identity::Principal;
use crate::state::AppState;

/// The caller's preferences; a field never set is absent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Preferences {
    /// The language the console opens in (`zh-CN` or `en`); absent: the browser's choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) language: Option<Language>,
    /// The ticket queue's views saved by the account, at most 20, names unique; given, it
    /// replaces the whole list (`[]` deletes them all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) queue_views: Option<Vec<SavedView>>,
}

/// Most views an account keeps.
pub(crate) const MAX_VIEWS: usize = 20;
/// Longest view name, in characters.
pub(crate) const MAX_VIEW_NAME: usize = 60;

/// A set of queue filters saved under a name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SavedView {
    /// 1–60 characters, unique among the account's views (ignoring case).
    pub(crate) name: String,
    /// The filters, as the ticket list takes them.
    pub(crate) filters: ViewFilters,
}

/// The ticket list's filters a view keeps; absent: not filtered.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ViewFilters {
    /// Only tickets in this state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) status: Option<TicketStatus>,
    /// Only this priority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) priority: Option<Priority>,
    /// Only this type.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub(crate) ticket_type: Option<TicketType>,
    /// Only this SLA state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) sla: Option<SlaState>,
    /// Only tickets this account is responsible for (up to 64 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) owner: Option<String>,
}

/// What is wrong with a list of views, each naming its field.
pub(crate) fn view_errors(views: &[SavedView]) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if views.len() > MAX_VIEWS {
        errors.push(FieldError {
            field: "queue_views".into(),
            code: "too_many".into(),
            message: format!("at most {MAX_VIEWS} saved views"),
        });
    }
    let mut seen: Vec<String> = Vec::new();
    for (i, v) in views.iter().enumerate() {
        let name = v.name.trim();
        let field = format!("queue_views[{i}].name");
        let len = name.chars().count();
        if len == 0 {
            errors.push(FieldError {
                field,
                code: "required".into(),
                message: "a view needs a name".into(),
            });
        } else if len > MAX_VIEW_NAME {
            errors.push(FieldError {
                field,
                code: "too_long".into(),
                message: format!("a view's name has at most {MAX_VIEW_NAME} characters"),
            });
        } else if seen.contains(&name.to_lowercase()) {
            errors.push(FieldError {
                field,
                code: "duplicate".into(),
                message: format!("another view is already called {name:?}"),
            });
        } else {
            seen.push(name.to_lowercase());
        }
        if v.filters
            .owner
            .as_ref()
            .is_some_and(|o| o.chars().count() > 64)
        {
            errors.push(FieldError {
                field: format!("queue_views[{i}].filters.owner"),
                code: "too_long".into(),
                message: "owner has at most 64 characters".into(),
            });
        }
    }
    errors
}

fn language_code(l: Language) -> &'static str {
    match l {
        Language::ZhCn => "zh-CN",
        Language::En => "en",
    }
}

fn language_of(code: &str) -> Option<Language> {
    match code {
        "zh-CN" => Some(Language::ZhCn),
        "en" => Some(Language::En),
        _ => None,
    }
}

async fn read(s: &AppState, account_id: &str) -> Result<Preferences, ApiError> {
    let row: Option<(String, Option<String>)> = sqlx::query_as(
        "select language, queue_views from account_preference where account_id = $1",
    )
    .bind(account_id)
    .fetch_optional(s.db.read())
    .await
    .map_err(aftercare_platform::Error::from)?;
    let Some((language, views)) = row else {
        return Ok(Preferences::default());
    };
    Ok(Preferences {
        language: language_of(&language),
        queue_views: views
            .as_deref()
            .map(serde_json::from_str)
            .transpose()
            .map_err(aftercare_platform::Error::from)?,
    })
}

/// `GET /me/preferences`.
pub(crate) async fn get(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
) -> Result<Json<Preferences>, ApiError> {
    Ok(Json(read(&s, &p.account_id).await?))
}

/// `POST /me/preferences`: sets the fields given, keeps the others.
pub(crate) async fn save(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<Preferences>, ApiError> {
    let mut req: Preferences = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    if let Some(views) = &mut req.queue_views {
        let errors = view_errors(views);
        if !errors.is_empty() {
            return Err(ApiError::Service(
                aftercare_contracts::ServiceError::validation(errors),
            ));
        }
        for v in views.iter_mut() {
            v.name = v.name.trim().to_owned();
        }
        sqlx::query(
            "insert into account_preference (account_id, language, queue_views, updated_at) values ($1, '', $2, $3)
             on conflict (account_id) do update set queue_views = excluded.queue_views, updated_at = excluded.updated_at",
        )
        .bind(&p.account_id)
        .bind(serde_json::to_string(views).map_err(aftercare_platform::Error::from)?)
        .bind(now_ms())
        .execute(s.db.write())
        .await
        .map_err(aftercare_platform::Error::from)?;
    }
    if let Some(language) = req.language {
        sqlx::query(
            "insert into account_preference (account_id, language, updated_at) values ($1, $2, $3)
             on conflict (account_id) do update set language = excluded.language, updated_at = excluded.updated_at",
        )
        .bind(&p.account_id)
        .bind(language_code(language))
        .bind(now_ms())
        .execute(s.db.write())
        .await
        .map_err(aftercare_platform::Error::from)?;
    }
    Ok(Json(read(&s, &p.account_id).await?))
}

/// The operations of this part of the API, in the order the reference lists them.
pub(crate) fn routes() -> Routes {
    Routes::tagged("auth")
        .add(
            operation::get("getPreferences", "/me/preferences")
                .summary("The caller's preferences: the language the web console opens in")
                .signed_in()
                .reply::<super::preferences::Preferences>()
                .to(get),
        )
        .add(
            operation::post("savePreferences", "/me/preferences")
                .summary("Set the caller's preferences (the fields given; the others are kept)")
                .signed_in()
                .body::<super::preferences::Preferences>()
                .reply::<super::preferences::Preferences>()
                .to(save),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_round_trip_through_their_codes() {
        for l in [Language::ZhCn, Language::En] {
            assert_eq!(language_of(language_code(l)), Some(l));
        }
        assert_eq!(language_of("fr"), None);
    }

    #[test]
    fn preferences_refuse_unknown_fields_and_languages() {
        assert!(serde_json::from_str::<Preferences>(r#"{"language":"fr"}"#).is_err());
        assert!(serde_json::from_str::<Preferences>(r#"{"theme":"dark"}"#).is_err());
        assert_eq!(
            serde_json::from_str::<Preferences>(r#"{"language":"en"}"#).ok(),
            Some(Preferences {
                language: Some(Language::En),
                queue_views: None,
            })
        );
        assert_eq!(
            serde_json::to_string(&Preferences::default())
                .ok()
                .as_deref(),
            Some("{}")
        );
    }

    fn view(name: &str) -> SavedView {
        SavedView {
            name: name.into(),
            filters: ViewFilters::default(),
        }
    }

    #[test]
    fn saved_views_are_named_uniquely_and_bounded() {
        assert!(view_errors(&[view("Complaints P1"), view("我的投诉")]).is_empty());
        let e = view_errors(&[view("A"), view(" "), view(&"x".repeat(61)), view("a ")]);
        let fields: Vec<(&str, &str)> = e
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                ("queue_views[1].name", "required"),
                ("queue_views[2].name", "too_long"),
                ("queue_views[3].name", "duplicate"),
            ]
        );
        let many: Vec<SavedView> = (0..=MAX_VIEWS).map(|i| view(&format!("v{i}"))).collect();
        assert_eq!(view_errors(&many)[0].field, "queue_views");
        assert!(view_errors(&many[..MAX_VIEWS]).is_empty());
    }

    #[test]
    fn view_filters_take_the_lists_values_only() {
        let ok: Preferences = serde_json::from_str(
            r#"{"queue_views":[{"name":"P1 complaints","filters":{"type":"complaint","priority":"p1"}}]}"#,
        )
        .unwrap_or_default();
        let v = &ok.queue_views.unwrap_or_default()[0];
        assert_eq!(v.filters.ticket_type, Some(TicketType::Complaint));
        assert!(
            serde_json::from_str::<Preferences>(
                r#"{"queue_views":[{"name":"x","filters":{"status":"lost"}}]}"#
            )
            .is_err()
        );
        assert!(
            serde_json::from_str::<Preferences>(
                r#"{"queue_views":[{"name":"x","filters":{"colour":"red"}}]}"#
            )
            .is_err()
        );
    }
}
