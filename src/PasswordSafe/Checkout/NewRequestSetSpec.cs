using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Newtonsoft.Json;

namespace PasswordSafe.Checkout;

/// <summary>The body of <c>POST RequestSets</c>, with the keys exactly as api-v3 §3.4 names them.</summary>
internal sealed class NewRequestSetSpec
{
    /// <summary><c>View</c>, <c>RDP</c>, <c>SSH</c>, <c>App</c>: one request each.</summary>
    public IReadOnlyList<string> AccessTypes { get; set; } = new string[0];

    public int SystemId { get; set; }

    public int AccountId { get; set; }

    /// <summary>Sent only when App is among the types, where the server requires it.</summary>
    public int? ApplicationId { get; set; }

    public int DurationMinutes { get; set; }

    public string? Reason { get; set; }

    public int? TicketSystemId { get; set; }

    public string? TicketNumber { get; set; }

    public bool IncludesApp => AccessTypes.Any(t => string.Equals(t, "App", StringComparison.OrdinalIgnoreCase));

    public string ToJson()
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            json.WriteStartObject();
            json.WritePropertyName("AccessTypes");
            json.WriteStartArray();
            foreach (var type in AccessTypes)
            {
                json.WriteValue(type);
            }

            json.WriteEndArray();
            Write(json, "SystemID", SystemId);
            Write(json, "AccountID", AccountId);
            if (IncludesApp)
            {
                Write(json, "ApplicationID", ApplicationId);
            }

            Write(json, "DurationMinutes", DurationMinutes);
            if (!string.IsNullOrEmpty(Reason))
            {
                json.WritePropertyName("Reason");
                json.WriteValue(Reason);
            }

            Write(json, "TicketSystemID", TicketSystemId);
            if (!string.IsNullOrEmpty(TicketNumber))
            {
                json.WritePropertyName("TicketNumber");
                json.WriteValue(TicketNumber);
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
}
