namespace PasswordSafe;

/// <summary>One managed account mapped to an alias (an entry of <c>MappedAccounts</c>); <c>Status</c> says whether it is the preferred one.</summary>
public sealed class ManagedAccountAliasMapping
{
    public int ManagedSystemId { get; internal set; }

    public int ManagedAccountId { get; internal set; }

    /// <summary>As the server names it, e.g. <c>Preferred</c> or <c>Available</c>.</summary>
    public string? Status { get; internal set; }

    public override string ToString() => $"{ManagedAccountId.ToString(System.Globalization.CultureInfo.InvariantCulture)} ({Status})";
}
