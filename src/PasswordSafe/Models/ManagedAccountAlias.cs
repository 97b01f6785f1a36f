using System;

namespace PasswordSafe;

/// <summary>
/// A requestable managed account alias (<c>GET Aliases</c>): a stable name for a credential whose managed account can
/// change. Requests through it go to its preferred account. <c>AliasId</c> binds by name to New-PSRequest's alias set.
/// The preferred account's ids are named <c>PreferredSystemId</c>/<c>PreferredAccountId</c> (the wire's
/// <c>SystemId</c>/<c>AccountId</c>) so a piped alias never binds to the by-account parameter sets.
/// </summary>
public sealed class ManagedAccountAlias
{
    public int AliasId { get; internal set; }

    public string? AliasName { get; internal set; }

    /// <summary>0 Unmapped, 1 Mapped, 2 Highly Available (the wire's <c>AliasState</c>).</summary>
    public int AliasState { get; internal set; }

    /// <summary>Only aliases in mapped state 1 or 2 can be requested (BeyondTrust API reference).</summary>
    public bool IsRequestable => AliasState == 1 || AliasState == 2;

    public int? PreferredSystemId { get; internal set; }

    public int? PreferredAccountId { get; internal set; }

    /// <summary>The preferred account's system.</summary>
    public string? SystemName { get; internal set; }

    /// <summary>The preferred account.</summary>
    public string? AccountName { get; internal set; }

    public string? DomainName { get; internal set; }

    public string? InstanceName { get; internal set; }

    /// <summary>Binds to New-PSRequest's -DurationMinutes (its alias) when the alias is piped.</summary>
    public int DefaultReleaseDuration { get; internal set; }

    public int MaximumReleaseDuration { get; internal set; }

    public DateTimeOffset? LastChangeDate { get; internal set; }

    public DateTimeOffset? NextChangeDate { get; internal set; }

    public bool IsChanging { get; internal set; }

    public int ChangeState { get; internal set; }

    public ManagedAccountAliasMapping[] MappedAccounts { get; internal set; } = new ManagedAccountAliasMapping[0];

    /// <summary>The session the alias was read with, so New-PSRequest uses the same one.</summary>
    public PasswordSafeSession? Session { get; internal set; }

    public override string ToString() => AliasName ?? string.Empty;
}
