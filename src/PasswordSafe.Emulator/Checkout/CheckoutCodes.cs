namespace PasswordSafe.Emulator;

/// <summary>The bare reason codes of checkout failures (api-v3 §0): the body is the code alone.</summary>
internal static class CheckoutCodes
{
    /// <summary>403: the caller lacks the permission (no requestor/ISA role, not the owner, not API-enabled).</summary>
    internal const string NoPermission = "4031";
    /// <summary>403: a requestor-only API called by a user who is no requestor.</summary>
    internal const string RequestorOnly = "4032";
    /// <summary>403: an approver-only API or account called by a user who is not its approver.</summary>
    internal const string ApproverOnly = "4033";
    /// <summary>403: the request is still waiting for approval.</summary>
    internal const string NotApproved = "4034";
    /// <summary>409: a conflicting open request exists (same user/account/access type, the account's concurrency limit, or the schedule's MaxConcurrent).</summary>
    internal const string Conflict = "4091";

    internal const int MaxDurationMinutes = 525600;
    internal const int MaxReasonLength = 1000;
}
