using System.Collections.Generic;
using Newtonsoft.Json;

namespace PasswordSafe.Checkout;

/// <summary>The body of <c>POST ISARequests</c> and <c>POST ISASessions</c> (api-v3 §5.2–5.3, spec E3/E4).</summary>
internal sealed class IsaSpec
{
    public int SystemId { get; set; }

    public int AccountId { get; set; }

    /// <summary>Omitted: the account's ISA release duration applies.</summary>
    public int? DurationMinutes { get; set; }

    public string? Reason { get; set; }

    public string? SessionType { get; set; }

    public int? ApplicationId { get; set; }

    public string ToRequestJson() => JsonConvert.SerializeObject(new Dictionary<string, object?>
    {
        ["SystemID"] = SystemId,
        ["AccountID"] = AccountId,
        ["DurationMinutes"] = DurationMinutes,
        ["Reason"] = Reason,
    }, Formatting.None);

    public string ToSessionJson() => JsonConvert.SerializeObject(new Dictionary<string, object?>
    {
        ["SessionType"] = SessionType,
        ["SystemID"] = SystemId,
        ["AccountID"] = AccountId,
        ["DurationMinutes"] = DurationMinutes,
        ["ApplicationID"] = ApplicationId,
        ["Reason"] = Reason,
    }, Formatting.None);
}
