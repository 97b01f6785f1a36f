using System;
using System.Text.RegularExpressions;

namespace PasswordSafe.Emulator;

/// <summary>
/// The body of <c>POST Sessions/Admin</c> (api-v3 §5.1): <c>SessionType, HostName, Port, DomainName, UserName, Password,
/// Reason, Resolution, RDPAdminSwitch, SmartSizing, NodeID, Record</c>. The BeyondTrust API reference marks SessionType
/// (SSH/sshticket, RDP/rdpticket, rdpfile) and HostName required, Port an int32 defaulting to the configured port, and
/// RDPAdminSwitch and SmartSizing false by default; the length limits are those the official Python library checks
/// (HostName 128, DomainName 50, UserName 200). UserName and Password required, Resolution's form, Reason's limit and
/// Record defaulting to true are ours [I].
/// </summary>
internal sealed class AdminSessionBody
{
    internal const int MaxHostNameLength = 128;
    internal const int MaxDomainNameLength = 50;
    internal const int MaxUserNameLength = 200;

    private static readonly Regex ResolutionForm = new(@"^(?:[1-9][0-9]{2,4}[xX][1-9][0-9]{2,4}|Maximized)$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    internal string? SessionType { get; init; }
    internal string? HostName { get; init; }
    internal int? Port { get; init; }
    internal string? DomainName { get; init; }
    internal string? UserName { get; init; }
    internal string? Password { get; init; }
    internal string? Reason { get; init; }
    internal string? Resolution { get; init; }
    internal bool? RdpAdminSwitch { get; init; }
    internal bool? SmartSizing { get; init; }
    internal bool? Record { get; init; }

    /// <summary>The reason for a 400 (naming the field), or null with the parsed session kind when the body is acceptable.</summary>
    internal string? Validate(out SessionKind kind)
    {
        kind = default;
        if (string.IsNullOrWhiteSpace(SessionType)) return $"SessionType is required: {SessionKind.AllowedForAdmin}.";
        if (SessionKind.Parse(SessionType) is not SessionKind parsed || !parsed.AllowedForAdminSession)
            return $"SessionType {SessionType} is not available for admin sessions: use {SessionKind.AllowedForAdmin}.";
        kind = parsed;
        if (string.IsNullOrWhiteSpace(HostName)) return "HostName is required: the name or IP address of the host to connect to.";
        if (HostName.Length > MaxHostNameLength) return $"HostName must be {MaxHostNameLength} characters or fewer.";
        if (Port is int port && (port < 1 || port > 65535))
            return "Port must be from 1 to 65535, or left out for the protocol's usual port (22 for SSH, 3389 for RDP).";
        if (DomainName is { Length: > MaxDomainNameLength }) return $"DomainName must be {MaxDomainNameLength} characters or fewer.";
        if (string.IsNullOrWhiteSpace(UserName)) return "UserName is required: the account to log on to the host with.";
        if (UserName.Length > MaxUserNameLength) return $"UserName must be {MaxUserNameLength} characters or fewer.";
        // Taken as given: a password of spaces is unusual but not malformed.
        if (string.IsNullOrEmpty(Password)) return "Password is required: the password of UserName on the host.";
        if (Reason is { Length: > CheckoutCodes.MaxReasonLength }) return $"Reason must be {CheckoutCodes.MaxReasonLength} characters or fewer.";
        if (Resolution is not null && !ResolutionForm.IsMatch(Resolution))
            return "Resolution must be WIDTHxHEIGHT (e.g. 1024x768) or Maximized.";
        return null;
    }

    /// <summary>The session's target; call only after <see cref="Validate"/> accepted the body.</summary>
    internal AdminSessionTarget ToTarget(SessionKind kind) => new(
        HostName!.Trim(), Port ?? kind.DefaultTargetPort, string.IsNullOrWhiteSpace(DomainName) ? null : DomainName.Trim(),
        UserName!.Trim(), Password!, Reason, Resolution, RdpAdminSwitch ?? false, SmartSizing ?? false, Record ?? true);
}
