namespace PasswordSafe.Http;

/// <summary>The four-digit reason codes the server puts in 403/409 bodies (api-v3 §0), explained.</summary>
internal static class ReasonCodes
{
    /// <summary>The code and what it means, without closing punctuation (callers put it in parentheses or end the sentence).</summary>
    public static string? Describe(int? code)
    {
        switch (code)
        {
            case 4031: return "4031: the user has no permission for this call (check the user's groups and roles)";
            case 4032: return "4032: this call or account is for requestors only";
            case 4033: return "4033: this call or account is for approvers only";
            case 4034: return "4034: the request has not been approved yet; wait for approval and retry";
            case 4091: return "4091: a conflicting request already exists for this account";
            default: return code.HasValue ? code.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        }
    }
}
