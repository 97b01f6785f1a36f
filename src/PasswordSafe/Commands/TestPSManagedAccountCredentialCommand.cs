using System.Collections.Generic;
using System.Management.Automation;
using PasswordSafe.Admin;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>
/// Checks that the stored credential still works on the system (<c>POST ManagedAccounts/{id}/Credentials/Test</c>,
/// api-v3 §4.2): $true or $false per account, as a Test- cmdlet answers one question; with -Detailed one
/// <see cref="CredentialTestResult"/> per account instead, naming it, so many piped accounts can be told apart (the
/// -Detailed of Test-Connection -TcpPort). Changes nothing, so it does not ask for confirmation.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "PSManagedAccountCredential")]
[OutputType(typeof(bool), typeof(CredentialTestResult))]
public sealed class TestPSManagedAccountCredentialCommand : AdminCmdlet
{
    // System names read for -Detailed, by system id: one read per system, however many of its accounts are tested.
    private readonly Dictionary<int, string?> _systemNames = new Dictionary<int, string?>();

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ManagedAccountID", "Id")]
    public int[] AccountId { get; set; } = new int[0];

    /// <summary>One result object per account (ids, names, outcome, reason) instead of a bare Boolean.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    protected override void ProcessItem()
    {
        var client = Connect();
        var service = new ManagedAccountService(client);
        foreach (var id in AccountId)
        {
            if (!Detailed)
            {
                TryItem(() => WriteObject(Run((log, token) => service.TestCredentialAsync(id, log, token))), id);
                continue;
            }

            var result = new CredentialTestResult { AccountId = id, Session = client.Session };
            PasswordSafeException? failure = null;
            try
            {
                result.Outcome = Run((log, token) => service.TestCredentialAsync(id, log, token)) ? CredentialTestOutcome.Passed : CredentialTestOutcome.Failed;
            }
            catch (PasswordSafeException e)
            {
                failure = e;
                result.Outcome = CredentialTestOutcome.NotTested;
                result.Reason = e.Message;
                result.ErrorId = e.ErrorId;
            }

            Name(result, client, lookUp: failure == null);
            WriteObject(result);
            if (failure != null)
            {
                // The error too, so -ErrorAction, -ErrorVariable and $? work as for every other cmdlet; after the result,
                // so -ErrorAction Stop still leaves the report whole up to this account.
                WriteError(CreateErrorRecord(failure, id));
            }
        }
    }

    /// <summary>
    /// The account's names and system: from the piped account when it is this one, else read (only for an account the
    /// test reached: one that could not be tested would fail the reads the same way). A read that fails leaves the ids.
    /// </summary>
    private void Name(CredentialTestResult result, AdminClient client, bool lookUp)
    {
        switch (PipedRecord?.BaseObject)
        {
            case ManagedAccount account when account.AccountId == result.AccountId:
                (result.SystemId, result.SystemName, result.AccountName) = (account.SystemId, account.SystemName, account.AccountName);
                return;
            case ManagedAccountSettings settings when settings.AccountId == result.AccountId:
                (result.SystemId, result.AccountName) = (settings.SystemId, settings.AccountName);
                break;
            case CredentialTestResult earlier when earlier.AccountId == result.AccountId:
                (result.SystemId, result.SystemName, result.AccountName) = (earlier.SystemId, earlier.SystemName, earlier.AccountName);
                break;
        }

        if (!lookUp)
        {
            return;
        }

        if (result.AccountName == null || result.SystemId == null)
        {
            var account = Read(result, () => Run((log, token) => new ManagedAccountService(client).GetAsync(result.AccountId, log, token)));
            if (account == null)
            {
                return;
            }

            (result.SystemId, result.AccountName) = (account.SystemId, account.AccountName);
        }

        if (result.SystemName == null && result.SystemId is int systemId)
        {
            if (!_systemNames.TryGetValue(systemId, out var systemName))
            {
                // A failed read is remembered too: the other accounts of that system would fail it the same way.
                systemName = Read(result, () => Run((log, token) => new ManagedSystemService(client).GetAsync(systemId, log, token)))?.SystemName;
                _systemNames[systemId] = systemName;
            }

            result.SystemName = systemName;
        }
    }

    private T? Read<T>(CredentialTestResult result, System.Func<T> read) where T : class
    {
        try
        {
            return read();
        }
        catch (PasswordSafeException e)
        {
            WriteVerbose($"The result for {ManagedAccountService.Describe(result.AccountId)} may lack names: they could not be read ({e.Message})");
            return null;
        }
    }
}
