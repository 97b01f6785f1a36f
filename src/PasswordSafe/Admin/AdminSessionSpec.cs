using System.Collections.Generic;

namespace PasswordSafe.Admin;

/// <summary>
/// The body of <c>POST Sessions/Admin</c> (api-v3 §5.1). Optional values are sent only when the user gave them, so the
/// server's defaults apply otherwise (its configured port and resolution; RDPAdminSwitch and SmartSizing false).
/// </summary>
internal sealed class AdminSessionSpec
{
    public string SessionType { get; set; } = string.Empty;

    public string HostName { get; set; } = string.Empty;

    public int? Port { get; set; }

    public string? DomainName { get; set; }

    public string UserName { get; set; } = string.Empty;

    /// <summary>The host password in plain text: it lives only as long as the call that sends it.</summary>
    public string Password { get; set; } = string.Empty;

    public string? Reason { get; set; }

    public string? Resolution { get; set; }

    public bool? RdpAdminSwitch { get; set; }

    public bool? SmartSizing { get; set; }

    public bool? Record { get; set; }

    public string? NodeId { get; set; }

    /// <summary><c>DOMAIN\user</c> when a domain is set, else the user name: how -WhatIf and errors name the log-on.</summary>
    public string LogOnName => string.IsNullOrEmpty(DomainName) ? UserName : DomainName + "\\" + UserName;

    public string ToJson()
    {
        var body = new Dictionary<string, object?>
        {
            ["SessionType"] = SessionType,
            ["HostName"] = HostName,
            ["UserName"] = UserName,
            ["Password"] = Password,
        };
        Add(body, "Port", Port);
        Add(body, "DomainName", DomainName);
        Add(body, "Reason", Reason);
        Add(body, "Resolution", Resolution);
        Add(body, "RDPAdminSwitch", RdpAdminSwitch);
        Add(body, "SmartSizing", SmartSizing);
        Add(body, "Record", Record);
        Add(body, "NodeID", NodeId);
        return Newtonsoft.Json.JsonConvert.SerializeObject(body);
    }

    private static void Add(IDictionary<string, object?> body, string name, object? value)
    {
        if (value != null)
        {
            body[name] = value;
        }
    }
}
