using System.Management.Automation;
using System.Security;
using PasswordSafe.Checkout;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>
/// Reads the credential of an approved request (<c>GET Credentials/{id}?type=</c>, spec E1, api-v3 §4.1): from a
/// request object, a request id, or an account (the caller's active request for it). A PSCredential by default.
/// A request made through an alias is read with <c>GET Aliases/{aliasId}/Credentials/{id}</c>, whose answer names the
/// account, so the PSCredential carries the account's own name form without another call.
/// Neither the password nor the request id reaches Verbose, Debug or error text.
/// By id is the default set: a piped record that carries a RequestId as well as SystemId and AccountId (a CSV row of
/// requests, a deserialized request, a session ticket) fits both by-id and by-account, and PowerShell resolves that
/// to the default set, where it used to stop with "parameter set cannot be resolved". A Request binds by value first.
/// </summary>
[Cmdlet(VerbsCommon.Get, "PSCredential", DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(PSCredential), typeof(SecureString), typeof(string))]
public sealed class GetPSCredentialCommand : RequestInputCmdlet
{
    private const string ByAccountSet = "ByAccount";

    [Parameter(Mandatory = true, ParameterSetName = ByAccountSet, ValueFromPipelineByPropertyName = true)]
    public int SystemId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ByAccountSet, ValueFromPipelineByPropertyName = true)]
    public int AccountId { get; set; }

    /// <summary>Pipeline plumbing, hidden: a piped account object, so errors can name it (see AccountTargetCmdlet).</summary>
    [Parameter(ParameterSetName = ByAccountSet, ValueFromPipeline = true, DontShow = true)]
    public ManagedAccount? Account { get; set; }

    [Parameter]
    [ValidateSet("Password", "DssKey", "Passphrase", IgnoreCase = true)]
    public string Type { get; set; } = "Password";

    [Parameter]
    public SwitchParameter AsSecureString { get; set; }

    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    private BulkProgress? _progress;

    /// <summary>A request row (CSV, deserialized request, ticket) chooses the request by id; its account ids only describe it.</summary>
    internal override bool ColumnDescribesTheItem(string parameterSet, string parameter) =>
        parameterSet == ByIdSet && (parameter == nameof(SystemId) || parameter == nameof(AccountId));

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        EnsureOneOutputForm(AsSecureString, AsPlainText);
        _progress = new BulkProgress(ProgressActivityIds.CredentialRead, "Reading credentials", WriteProgress);
    }

    protected override void EndProcessing()
    {
        _progress?.Complete();
        base.EndProcessing();
    }

    protected override void ProcessItem()
    {
        var client = Connect(out _);
        object target = InputObject != null ? (object)InputObject
            : ParameterSetName == ByAccountSet ? DescribeAccount() : MaskedRequest;
        _progress?.Starting(ParameterSetName == ByAccountSet ? DescribeAccount() : DescribeCurrent());
        try
        {
            var request = FindRequest(client);
            // Errors name the account when it is known, so a pipeline of several says which one failed.
            var about = string.IsNullOrEmpty(request.AccountName) ? null : Describe(request.SystemName, request.AccountName);
            if (request.AliasId is int aliasId)
            {
                // Made through an alias: its own credential form (api-v3 §4.1) also names the account behind the alias.
                var viaAlias = Run((log, token) => client.GetAliasCredentialAsync(aliasId, request.RequestId, Type, log, token, about));
                WriteSecret(viaAlias.Secret, CredentialUserName.For(viaAlias.DomainName, viaAlias.AccountName, null) ?? request.UserName, AsSecureString, AsPlainText);
                return;
            }

            var secret = Run((log, token) => client.GetCredentialAsync(request.RequestId, Type, log, token, about));
            WriteSecret(secret, request.UserName, AsSecureString, AsPlainText);
        }
        catch (PasswordSafeException e)
        {
            WriteItemError(e, target);
        }
        finally
        {
            _progress?.Finished();
        }
    }

    private string DescribeAccount() =>
        PipedAccount(Account, SystemId, AccountId) is { } piped ? Describe(piped.SystemName, piped.AccountName) : DescribeIds(SystemId, AccountId);

    private Request FindRequest(CheckoutClient client)
    {
        switch (ParameterSetName)
        {
            case ByObjectSet:
                return InputObject!;
            case ByAccountSet:
                return Run((log, token) => client.FindActiveRequestAsync(SystemId, AccountId, log, token))
                       ?? throw CheckoutErrors.NoActiveRequest(DescribeAccount());
            default:
                // Only the user name is missing; the id alone still reads the credential if the list lacks it.
                return Run((log, token) => client.FindOwnRequestAsync(RequestId, log, token))
                       ?? new Request { RequestId = RequestId };
        }
    }
}
