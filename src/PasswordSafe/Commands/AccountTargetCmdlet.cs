using System.Management.Automation;
using PasswordSafe.Checkout;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>
/// The checkout cmdlets that act on one account (New-PSRequest, Use-PSCredential, Get-PSIsaCredential,
/// New-PSIsaSession): by ids, bound from piped accounts (or CSV rows), or by names at positions 0 and 1, completed from
/// the server and resolved to exactly one requestable account (names with wildcards are matched here, and must match one).
/// </summary>
public abstract class AccountTargetCmdlet : CheckoutCmdlet
{
    protected const string ByIdSet = "ById";
    protected const string ByNameSet = "ByName";

    [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    public int SystemId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    public int AccountId { get; set; }

    /// <summary>
    /// Pipeline plumbing, hidden: the piped account object itself, so -WhatIf, progress and errors can name it
    /// instead of its ids. Not a set of its own: PowerShell then latches piped objects onto it and CSV rows with
    /// only ids no longer bind.
    /// </summary>
    [Parameter(ParameterSetName = ByIdSet, ValueFromPipeline = true, DontShow = true)]
    public ManagedAccount? InputObject { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ByNameSet, Position = 0)]
    [ArgumentCompleter(typeof(SystemNameCompleter))]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string SystemName { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ParameterSetName = ByNameSet, Position = 1)]
    [ArgumentCompleter(typeof(AccountNameCompleter))]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string AccountName { get; set; } = string.Empty;

    /// <summary>How errors and -WhatIf name the account before it is resolved (never a request id).</summary>
    internal string DescribeTarget() =>
        ParameterSetName == ByNameSet ? Describe(SystemName, AccountName)
        : PipedAccount(InputObject, SystemId, AccountId) is { } piped ? Describe(piped.SystemName, piped.AccountName)
        : DescribeIds(SystemId, AccountId);

    /// <summary>
    /// The account the call is for, when known: by names the one matching account (else AccountNotFound or
    /// AmbiguousAccount); by ids the piped account object, if that is what the ids came from; else, when
    /// <see cref="LooksUpAccountByIds"/>, the listed account with those ids; else null.
    /// </summary>
    internal ManagedAccount? TargetAccount(CheckoutClient client) =>
        ParameterSetName == ByNameSet ? ResolveAccount(client, SystemName, AccountName)
        : PipedAccount(InputObject, SystemId, AccountId) ?? (LooksUpAccountByIds ? FindAccountByIds(client) : null);

    /// <summary>
    /// Whether ids alone (typed, or a row of ids) are worth a lookup of the account: the cmdlets that request use its default
    /// release duration when no duration is given, so the same account gets the same duration however it is named.
    /// </summary>
    internal virtual bool LooksUpAccountByIds => false;

    /// <summary>
    /// The requestable account with the typed ids (<c>GET ManagedAccounts?systemID=</c>, paged until found), or null when
    /// it is not listed or the list cannot be read: the call itself then says what is wrong with the ids.
    /// </summary>
    private ManagedAccount? FindAccountByIds(CheckoutClient client)
    {
        try
        {
            return Run((log, token) => client.FindAccountByIdsAsync(SystemId, AccountId, log, token));
        }
        catch (PasswordSafeException e)
        {
            WriteVerbose($"The account with these ids could not be looked up, so its default release duration is unknown: {e.Message}");
            return null;
        }
    }
}
