using System.Management.Automation;
using System.Security;
using PasswordSafe.Checkout;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>
/// ISA retrieval (spec E3, <c>POST ISARequests?type=</c>, api-v3 §5.2): the credential is released at once,
/// without a request to approve or check in. Needs the ISA role on the account.
/// </summary>
[Cmdlet(VerbsCommon.Get, "PSIsaCredential", DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(PSCredential), typeof(SecureString), typeof(string))]
public sealed class GetPSIsaCredentialCommand : AccountTargetCmdlet
{
    internal override bool ForIsa => true;

    /// <summary>A piped account brings its own name form for the PSCredential.</summary>
    [Parameter(ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? UserName { get; set; }

    /// <summary>Omitted: the account's ISA release duration.</summary>
    [Parameter]
    [ValidateRange(1, 525600)]
    public int? DurationMinutes { get; set; }

    [Parameter]
    [ValidateLength(0, 1000)]
    public string? Reason { get; set; }

    [Parameter]
    [ValidateSet("Password", "DssKey", "Passphrase", IgnoreCase = true)]
    public string Type { get; set; } = "Password";

    [Parameter]
    public SwitchParameter AsSecureString { get; set; }

    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        EnsureOneOutputForm(AsSecureString, AsPlainText);
    }

    protected override void ProcessItem()
    {
        var client = Connect(out _);
        var target = DescribeTarget();
        try
        {
            var spec = new IsaSpec { SystemId = SystemId, AccountId = AccountId, DurationMinutes = DurationMinutes, Reason = Reason };
            var userName = UserName;
            var account = TargetAccount(client);
            if (account == null && string.IsNullOrEmpty(userName) && !AsSecureString && !AsPlainText)
            {
                // Ids alone do not say whose credential it is (the ISA answer carries only the secret): look the account up.
                account = Run((log, token) => client.FindAccountByIdsAsync(SystemId, AccountId, log, token));
            }

            if (account != null)
            {
                spec.SystemId = account.SystemId;
                spec.AccountId = account.AccountId;
                userName = account.UserName;
                target = Describe(account.SystemName, account.AccountName);
            }

            var description = target;
            var secret = Run((log, token) => client.GetIsaCredentialAsync(spec, Type, description, log, token));
            if (string.IsNullOrEmpty(userName) && !AsSecureString && !AsPlainText)
            {
                WriteWarning($"The user name is unknown because {target} is not among the accounts you can list: the credential is named '{target}'. Pass -UserName to name it.");
            }

            WriteSecret(secret, userName ?? target, AsSecureString, AsPlainText);
        }
        catch (PasswordSafeException e)
        {
            WriteItemError(e, target);
        }
    }
}
