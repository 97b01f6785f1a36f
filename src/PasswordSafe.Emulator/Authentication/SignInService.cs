using System;
using System.Security.Cryptography.X509Certificates;

namespace PasswordSafe.Emulator.Authentication;

/// <summary>
/// POST Auth/SignAppIn: PS-Auth (B1–B6, A5–A7) or Bearer (C3, C4). Every refusal caused by a failed factor is
/// audited with its reason and notified (D2); the caller only ever sees the status code.
/// </summary>
internal sealed class SignInService
{
    private const string BearerScheme = "Bearer";
    private readonly EmulatorState _state;
    private readonly X509Certificate2? _clientCertificateAuthority;

    internal SignInService(EmulatorState state, X509Certificate2? clientCertificateAuthority)
    {
        _state = state;
        _clientCertificateAuthority = clientCertificateAuthority;
    }

    internal SignInOutcome SignIn(SignInRequest request)
    {
        var source = request.Peer is null ? null : AddressRule.Normalize(request.Peer).ToString();
        if (!_state.Settings.LicenseValid)
        {
            // D1: an invalid licence is a 403 on SignAppIn, not a failed factor.
            _state.RecordAudit(AuditKinds.SignInFailed, null, null, source, "the Password Safe licence is not valid");
            return SignInOutcome.Refused(403, SignInOutcome.LicenseNotValid);
        }
        var authorization = request.Authorization?.Trim() ?? string.Empty;
        if (authorization.StartsWith(BearerScheme + " ", StringComparison.OrdinalIgnoreCase))
            return SignInWithToken(authorization[(BearerScheme.Length + 1)..].Trim(), request, source);
        return SignInWithKey(authorization, request, source);
    }

    private SignInOutcome SignInWithKey(string authorization, SignInRequest request, string? source)
    {
        if (!PsAuthHeaderParser.TryParse(authorization, out var header, out var parseError))
            return Fail(null, null, source, authorization.Length == 0 ? "no Authorization header" : parseError);

        var runAs = header!.RunAs;
        // A5: keys are compared in constant time; a rotated key no longer matches (A6).
        var registration = _state.FindRegistrationByKey(header.Key);
        if (registration is null) return Fail(runAs, null, source, "the API key is not recognised (wrong, or rotated)");
        if (!registration.Active) return Fail(runAs, registration.Id, source, $"API registration {registration.Id} is not active");

        // B6, A4
        var addressProblem = SourceAddressCheck.Evaluate(registration, request.Peer, request.ForwardedFor);
        if (addressProblem is not null) return Fail(runAs, registration.Id, source, addressProblem);

        // B5
        if (registration.ClientCertificateRequired)
        {
            var verdict = ClientCertificateCheck.Evaluate(request.ClientCertificate, _clientCertificateAuthority, _state.Clock.GetUtcNow());
            if (verdict == ClientCertificateVerdict.Missing)
                return Fail(runAs, registration.Id, source, "the registration requires a client certificate and none was presented");
            if (verdict == ClientCertificateVerdict.Untrusted)
                return Fail(runAs, registration.Id, source, "the client certificate was not issued by a trusted authority", 403, SignInOutcome.UntrustedCertificate);
        }

        if (runAs is null) return Fail(null, registration.Id, source, "the PS-Auth header has no runas= user");
        var user = _state.FindUserByRunAs(runAs);
        if (user is null) return Fail(runAs, registration.Id, source, $"run-as user '{runAs}' does not exist (directory users sign in as domain\\user or UPN)");
        // C1: application users use OAuth only.
        if (user.UserType == UserType.Application)
            return Fail(runAs, registration.Id, source, "application users cannot be the run-as user of an API key; they use OAuth (C1)");
        if (!user.IsActive) return Fail(user.SignInName, registration.Id, source, $"user '{user.SignInName}' is not active");
        if (user.IsQuarantined) return Fail(user.SignInName, registration.Id, source, $"user '{user.SignInName}' is quarantined");
        // A7
        if (!_state.CanUseRegistration(user.UserId, registration.Id))
            return Fail(user.SignInName, registration.Id, source, $"user '{user.SignInName}' is in no active group granted API registration {registration.Id} (A7)");

        // B1: pwd is checked only when the registration requires it, and ignored otherwise.
        if (registration.UserPasswordRequired)
        {
            if (header.Password is null) return Fail(runAs, registration.Id, source, "the registration requires the user password and pwd=[...] is missing");
            if (user.Password is null || !user.Password.Matches(header.Password))
                return Fail(runAs, registration.Id, source, "the user password is wrong");
        }

        // B4
        if (registration.MultiFactorAuthenticationEnforced)
        {
            var factor = user.TwoFactor;
            if (factor.Type == TwoFactorType.Push && !factor.PushApproved)
                return Fail(runAs, registration.Id, source, "the push notification was not approved");
            if (factor.Type == TwoFactorType.Challenge)
            {
                if (header.Challenge is null)
                {
                    var pending = _state.StartSession(user, registration, null, pendingChallenge: true, "ApiKey", source);
                    _state.RecordAudit(AuditKinds.ChallengeIssued, user.SignInName, registration.Id, source, "two-factor challenge sent");
                    return SignInOutcome.Challenge(pending, factor.Prompt);
                }
                var waiting = _state.TakePendingChallenge(request.SessionCookie);
                if (waiting is null || waiting.UserId != user.UserId || waiting.RegistrationId != registration.Id)
                    return Fail(runAs, registration.Id, source, "a challenge answer came without the session cookie of a pending challenge (B4)");
                if (factor.Answer is null || !factor.Answer.Matches(header.Challenge))
                    return Fail(runAs, registration.Id, source, "the two-factor challenge answer is wrong");
            }
        }

        var session = _state.StartSession(user, registration, null, pendingChallenge: false, "ApiKey", source);
        return SignInOutcome.Succeeded(session, user);
    }

    private SignInOutcome SignInWithToken(string token, SignInRequest request, string? source)
    {
        var stored = token.Length == 0 ? null : _state.FindValidToken(token);
        if (stored is null) return Fail(request.RunAsHeader, null, source, "the access token is unknown, expired or revoked");
        var applicationUser = _state.FindUser(stored.ApplicationUserId);
        if (applicationUser is null || !applicationUser.IsActive || applicationUser.IsQuarantined)
            return Fail(applicationUser?.UserName, stored.RegistrationId, source, "the application user of the token is no longer active");

        // The token's access policy still governs the sign-in: it must be active (A1) and admit the caller's address
        // (B6, C2), wherever the token was fetched; and its user must still be in a group granted it (A7, api-v3 §1.4).
        var registration = _state.FindApiRegistration(stored.RegistrationId);
        if (registration is null || !registration.Active)
            return Fail(applicationUser.UserName, stored.RegistrationId, source, $"the API access policy {stored.RegistrationId} of the token is missing or not active");
        var addressProblem = SourceAddressCheck.Evaluate(registration, request.Peer, request.ForwardedFor);
        if (addressProblem is not null) return Fail(applicationUser.UserName, registration.Id, source, addressProblem);
        if (!_state.CanUseRegistration(applicationUser.UserId, registration.Id))
            return Fail(applicationUser.UserName, registration.Id, source, $"application user '{applicationUser.UserName}' is in no active group granted API access policy {registration.Id} (A7)");

        var user = applicationUser;
        var runAs = request.RunAsHeader?.Trim();
        if (!string.IsNullOrEmpty(runAs))
        {
            // C4: impersonate only a user that shares a group with the application user.
            var target = _state.FindUserByRunAs(runAs);
            if (target is null) return Fail(applicationUser.UserName, stored.RegistrationId, source, $"RunAs user '{runAs}' does not exist");
            if (target.UserType == UserType.Application)
                return Fail(applicationUser.UserName, stored.RegistrationId, source, $"RunAs user '{runAs}' is an application user and cannot be impersonated");
            if (!target.IsActive || target.IsQuarantined)
                return Fail(applicationUser.UserName, stored.RegistrationId, source, $"RunAs user '{runAs}' is not active or is quarantined");
            if (!_state.ShareAGroup(applicationUser.UserId, target.UserId))
                return Fail(applicationUser.UserName, stored.RegistrationId, source, $"RunAs user '{runAs}' shares no group with '{applicationUser.UserName}' (C4)");
            user = target;
        }

        var session = _state.StartSession(user, registration, stored.Hash, pendingChallenge: false, "OAuth", source);
        return SignInOutcome.Succeeded(session, user);
    }

    private SignInOutcome Fail(string? userName, int? registrationId, string? source, string reason, int statusCode = 401, string? text = null)
    {
        _state.RecordFailedFactor(AuditKinds.SignInFailed, userName, registrationId, source, reason);
        return SignInOutcome.Refused(statusCode, text);
    }
}
