using System;
using System.Globalization;
using System.IO;
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

    /// <summary>
    /// Written field by field: a dictionary through the serializer cost more than the rest of the call.
    /// <paramref name="forAlias"/>: the body of <c>POST Aliases/{id}/Requests</c>, which names no system, account or application.
    /// </summary>
    public string ToJson(bool forAlias = false)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            json.WriteStartObject();
            if (!forAlias)
            {
                Write(json, "SystemID", SystemId);
                Write(json, "AccountID", AccountId);
            }

            Write(json, "DurationMinutes", DurationMinutes);
            Write(json, "AccessType", AccessType);
            if (!forAlias && ApplicationId.HasValue && string.Equals(AccessType, "App", StringComparison.OrdinalIgnoreCase))
            {
                Write(json, "ApplicationID", ApplicationId);
            }

            Write(json, "Reason", Reason);
            Write(json, "AccessPolicyScheduleID", AccessPolicyScheduleId);
            // The API's documented values are lower case (api-v3 §3.2, GO client).
            Write(json, "ConflictOption", ConflictOption?.ToLowerInvariant());
            Write(json, "TicketSystemID", TicketSystemId);
            Write(json, "TicketNumber", TicketNumber);
            if (RotateOnCheckin.HasValue)
            {
                json.WritePropertyName("RotateOnCheckin");
                json.WriteValue(RotateOnCheckin.Value);
            }

            json.WriteEndObject();
        }

        return text.ToString();
    }

    private static void Write(JsonWriter json, string key, int? value)
    {
        if (value.HasValue)
        {
            json.WritePropertyName(key);
            json.WriteValue(value.Value);
        }
    }

    private static void Write(JsonWriter json, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            json.WritePropertyName(key);
            json.WriteValue(value);
        }
    }
}
