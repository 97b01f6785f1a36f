using System.Collections.Generic;
using Newtonsoft.Json;

namespace PasswordSafe.Checkout;

/// <summary>The body of <c>POST Requests</c>, with the keys exactly as api-v3 §3.2 names them.</summary>
internal sealed class NewRequestSpec
{
    public int SystemId { get; set; }

    public int AccountId { get; set; }

    public int DurationMinutes { get; set; }

    /// <summary><c>View</c> (default), <c>RDP</c>, <c>SSH</c> or <c>App</c>.</summary>
    public string? AccessType { get; set; }

    /// <summary>Sent only with AccessType App, where the server requires it.</summary>
    public int? ApplicationId { get; set; }

    public string? Reason { get; set; }

    public int? AccessPolicyScheduleId { get; set; }

    /// <summary><c>reuse</c> or <c>renew</c>; omitted, a conflicting request makes the server answer 409 (4091).</summary>
    public string? ConflictOption { get; set; }

    public int? TicketSystemId { get; set; }

    public string? TicketNumber { get; set; }

    public bool? RotateOnCheckin { get; set; }

    public string ToJson()
    {
        var body = new Dictionary<string, object?>
        {
            ["SystemID"] = SystemId,
            ["AccountID"] = AccountId,
            ["DurationMinutes"] = DurationMinutes,
        };
        AddIfSet(body, "AccessType", AccessType);
        if (ApplicationId.HasValue && string.Equals(AccessType, "App", System.StringComparison.OrdinalIgnoreCase))
        {
            body["ApplicationID"] = ApplicationId.Value;
        }

        AddIfSet(body, "Reason", Reason);
        AddIfSet(body, "AccessPolicyScheduleID", AccessPolicyScheduleId);
        // The API's documented values are lower case (api-v3 §3.2, GO client).
        AddIfSet(body, "ConflictOption", ConflictOption?.ToLowerInvariant());
        AddIfSet(body, "TicketSystemID", TicketSystemId);
        AddIfSet(body, "TicketNumber", TicketNumber);
        AddIfSet(body, "RotateOnCheckin", RotateOnCheckin);
        return JsonConvert.SerializeObject(body, Formatting.None);
    }

    private static void AddIfSet(Dictionary<string, object?> body, string key, object? value)
    {
        if (value != null && !(value is string text && text.Length == 0))
        {
            body[key] = value;
        }
    }
}
