//! What every request handler can reach: the bus to the services, the gateway's own
//! database, token signing, limits, the live-update hub and the identity settings; and
//! the one way a handler calls a service.
use std::sync::Arc;

use aftercare_contracts::Request;
use aftercare_platform::rpc::call;
use aftercare_platform::{Bus, Db};

use crate::GatewayConfig;
use crate::error::ApiError;
use crate::identity::Principal;
use crate::identity::oidc::Oidc;
use crate::identity::tokens::Signer;
use crate::limits::Limits;
use crate::live::Live;

/// What every handler can reach.
#[derive(Clone)]
pub(crate) struct AppState {
    /// Where attachments' bytes are kept.
    pub(crate) attachments: crate::attachments::Store,
    pub(crate) bus: Bus,
    pub(crate) db: Db,
    pub(crate) signer: Signer,
    pub(crate) config: Arc<GatewayConfig>,
    pub(crate) limits: Arc<Limits>,
    pub(crate) live: Live,
    pub(crate) oidc: Option<Arc<Oidc>>,
    /// Bounded slots for argon2 hashing (memory budget).
    pub(crate) hashing: crate::identity::password::Hashing,
    /// Accounts that must change their password before anything else.
    pub(crate) must_change: crate::identity::password_change::MustChange,
}

impl AppState {
    /// Calls the owning service as `principal` (recorded by the service as the actor).
    pub(crate) async fn call<R: Request>(
        &self,
        req: &R,
        principal: Option<&Principal>,
    ) -> Result<R::Reply, ApiError> {
        let actor = principal.map(Principal::actor);
        Ok(call(&self.bus, req, actor.as_ref(), self.config.request_timeout).await?)
    }
}
