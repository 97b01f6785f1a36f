using System.Management.Automation;
using PasswordSafe.Checkout;

namespace PasswordSafe.Commands;

/// <summary>
/// The checkout cmdlets that act on one account (New-PSRequest, Get-PSIsaCredential, New-PSIsaSession): by ids,
/// bound from piped accounts, or by names at positions 0 and 1, completed from the server and resolved to exactly one
/// requestable account.
/// </summary>
public abstract class AccountTargetCmdlet : CheckoutCmdlet
{
    protected const string ByIdSet = "ById";
    protected const string ByNameSet = "ByName";

    [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    public int SystemId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    public int AccountId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ByNameSet, Position = 0)]
    [ArgumentCompleter(typeof(SystemNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string SystemName { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ParameterSetName = ByNameSet, Position = 1)]
    [ArgumentCompleter(typeof(AccountNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string AccountName { get; set; } = string.Empty;

    /// <summary>How errors and -WhatIf name the account before it is resolved (never a request id).</summary>
    internal string DescribeTarget() =>
        ParameterSetName == ByNameSet ? Describe(SystemName, AccountName) : DescribeIds(SystemId, AccountId);

    /// <summary>By names: the one matching account (else AccountNotFound or AmbiguousAccount); by ids: null.</summary>
    internal ManagedAccount? ResolveByName(CheckoutClient client) =>
        ParameterSetName == ByNameSet ? ResolveAccount(client, SystemName, AccountName) : null;
}
