using System;
using System.Net;
using Microsoft.Extensions.Primitives;

namespace PasswordSafe.Emulator.Authentication;

/// <summary>
/// POST Auth/connect/token (C2, C3, C5, C6): client credentials of an application user, checked against its
/// ApiAccessPolicy registration's IP/XFF rules. Every refusal is audited and notified (D2) and answers invalid_client.
/// </summary>
internal sealed class OAuthTokenIssuer
{
    internal const string ClientCredentialsGrant = "client_credentials";
    private readonly EmulatorState _state;

    internal OAuthTokenIssuer(EmulatorState state) => _state = state;

    internal TokenOutcome Issue(string? grantType, string? clientId, string? clientSecret, IPAddress? peer, StringValues forwardedFor)
    {
        if (string.IsNullOrEmpty(grantType)) return TokenOutcome.Refused(400, "invalid_request");
        if (!string.Equals(grantType, ClientCredentialsGrant, StringComparison.Ordinal)) return TokenOutcome.Refused(400, "unsupported_grant_type");
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(clientSecret)) return TokenOutcome.Refused(400, "invalid_request");

        var source = peer is null ? null : AddressRule.Normalize(peer).ToString();
        var user = _state.FindApplicationUserByClientId(clientId);
        if (user is null) return Reject(null, null, source, "no application user has this client id");
        // C5: a recycled secret no longer matches.
        if (user.ClientSecret is null || !user.ClientSecret.Matches(clientSecret))
            return Reject(user.UserName, user.AccessPolicyId, source, "the client secret is wrong (or was recycled)");
        // C6
        if (user.ClientSecretExpiryDate is { } expiry && _state.Clock.GetUtcNow() >= expiry)
            return Reject(user.UserName, user.AccessPolicyId, source, $"the client secret expired on {expiry:u}; recycle it");
        if (!user.IsActive || user.IsQuarantined)
            return Reject(user.UserName, user.AccessPolicyId, source, $"application user '{user.UserName}' is not active or is quarantined");

        var registration = user.AccessPolicyId is int id ? _state.FindApiRegistration(id) : null;
        if (registration is null || !registration.Active)
            return Reject(user.UserName, user.AccessPolicyId, source, $"the API access policy {user.AccessPolicyId} of application user '{user.UserName}' is missing or not active");
        // C2: the access policy's IP/XFF rules apply here.
        var addressProblem = SourceAddressCheck.Evaluate(registration, peer, forwardedFor);
        if (addressProblem is not null) return Reject(user.UserName, registration.Id, source, addressProblem);
        // api-v3 §1.4: the client must be "a member of a group with permissions"; as for API keys (A7), that is an
        // active group granted its access policy. Refused here, so no token is handed out that could not sign in.
        if (!_state.CanUseRegistration(user.UserId, registration.Id))
            return Reject(user.UserName, registration.Id, source, $"application user '{user.UserName}' is in no active group granted API access policy {registration.Id} (A7)");

        var (token, _) = _state.IssueToken(user, registration, source);
        return TokenOutcome.Issued(token, registration.AccessTokenDuration * 60);
    }

    private TokenOutcome Reject(string? userName, int? registrationId, string? source, string reason)
    {
        _state.RecordFailedFactor(AuditKinds.TokenRejected, userName, registrationId, source, reason);
        return TokenOutcome.Refused(401, "invalid_client");
    }
}
