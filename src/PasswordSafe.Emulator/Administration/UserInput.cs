namespace PasswordSafe.Emulator;

/// <summary>A POST/PUT Users body (api-v3 §6.6) after its shape and length limits were checked; null = not sent.</summary>
internal sealed class UserInput
{
    internal UserType? UserType { get; init; }
    internal string? UserName { get; init; }
    internal string? FirstName { get; init; }
    internal string? LastName { get; init; }
    internal string? EmailAddress { get; init; }
    internal string? Password { get; init; }
    internal string? DomainName { get; init; }
    internal string? ForestName { get; init; }
    internal string? UserPrincipalName { get; init; }
    internal string? DistinguishedName { get; init; }
    internal string? HostName { get; init; }
    internal int? Port { get; init; }
    internal bool? UseSsl { get; init; }
    internal string? BindUser { get; init; }
    internal string? BindPassword { get; init; }
    internal string? AccountNameAttribute { get; init; }
    internal int? AccessPolicyId { get; init; }
}
