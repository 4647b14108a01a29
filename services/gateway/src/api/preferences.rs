//! Per-account preferences (`/me/preferences`): the language the web console opens in, so
//! an agent who chose English gets English on any browser after signing in. Kept by the
//! gateway beside the account; any signed-in account may read and set its own.
use aftercare_contracts::intake::Language;
use aftercare_platform::now_ms;
use axum::Json;
use axum::body::Body;
use axum::extract::{Extension, State};
use axum::http::HeaderMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::AppState;
use crate::body::json_with;
use crate::error::ApiError;
use crate::identity::Principal;

/// The caller's preferences; a field never set is absent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Preferences {
    /// The language the console opens in (`zh-CN` or `en`); absent: the browser's choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) language: Option<Language>,
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
    let language: Option<String> =
        sqlx::query_scalar("select language from account_preference where account_id = $1")
            .bind(account_id)
            .fetch_optional(s.db.read())
            .await
            .map_err(aftercare_platform::Error::from)?;
    Ok(Preferences {
        language: language.as_deref().and_then(language_of),
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
    let req: Preferences = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
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
                language: Some(Language::En)
            })
        );
        assert_eq!(
            serde_json::to_string(&Preferences::default())
                .ok()
                .as_deref(),
            Some("{}")
        );
    }
}
