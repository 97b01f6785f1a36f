using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using PasswordSafe.Checkout;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// Shared by the checkout cmdlets (spec E1–E4): the session (also bound from piped accounts and requests),
/// name-to-account resolution, credential output forms, and ErrorRecords with the checkout categories.
/// </summary>
public abstract class CheckoutCmdlet : PasswordSafeCmdlet
{
    /// <summary>Masked like the request ids in URLs; shown where a request has no names to describe it.</summary>
    internal const string MaskedRequest = "request " + Redactor.Mask;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public PasswordSafeSession? Session { get; set; }

    /// <summary>Whether this invocation has said in Verbose why alias names stay empty (once is enough, however many items).</summary>
    internal OnceFlag AliasNamesExplained { get; } = new OnceFlag();

    internal CheckoutClient Connect(out PasswordSafeSession session)
    {
        session = ResolveSession(Session);
        return new CheckoutClient(session);
    }

    /// <summary>True for the ISA cmdlets, whose accounts are those with ISA access rather than requestable ones (for messages).</summary>
    internal virtual bool ForIsa => false;

    /// <summary>Exactly one requestable account with these names, else AccountNotFound or AmbiguousAccount (with the list).</summary>
    internal ManagedAccount ResolveAccount(CheckoutClient client, string systemName, string accountName)
    {
        var matches = ResolveAccounts(client, systemName, accountName);
        if (matches.Count > 1)
        {
            throw CheckoutErrors.Ambiguous(new ManagedAccountFilter { SystemName = systemName, AccountName = accountName }, matches);
        }

        return matches[0];
    }

    /// <summary>Every requestable account with these names (systems may share a name); none is AccountNotFound.</summary>
    internal IReadOnlyList<ManagedAccount> ResolveAccounts(CheckoutClient client, string systemName, string accountName)
    {
        var filter = new ManagedAccountFilter { SystemName = systemName, AccountName = accountName };
        var matches = Run((log, token) => client.FindAccountsAsync(filter, log, token));
        if (matches.Count == 0)
        {
            throw CheckoutErrors.AccountNotFound(filter, DirectoryFormsOf(client, filter), ForIsa);
        }

        return matches;
    }

    /// <summary>
    /// A bare name that is a directory account's name on that system: the <c>DOMAIN\name</c> forms that would have found
    /// it (the server never matches such an account by its bare name, api-v3 §2.1), among the accounts the filter's other
    /// conditions select. Only asked after a miss by both exact names; a failing lookup just means no hint.
    /// </summary>
    internal IReadOnlyList<string> DirectoryFormsOf(CheckoutClient client, ManagedAccountFilter filter)
    {
        var accountName = filter.AccountName;
        if (!filter.IsExactLookup || accountName == null || accountName.IndexOf('\\') >= 0 || accountName.IndexOf('@') >= 0)
        {
            return new string[0];
        }

        var onSystem = new ManagedAccountFilter
        {
            SystemName = filter.SystemName,
            SystemId = filter.SystemId,
            WorkgroupName = filter.WorkgroupName,
            Type = filter.Type,
            IPAddress = filter.IPAddress,
            ApplicationDisplayName = filter.ApplicationDisplayName,
        };
        try
        {
            var listed = Run((log, token) => client.FindAccountsAsync(onSystem, log, token));
            return listed.Where(a => string.Equals(a.AccountName, accountName, StringComparison.OrdinalIgnoreCase))
                .Select(RequestableNameCache.RequestableName)
                .Where(name => name != null && !string.Equals(name, accountName, StringComparison.OrdinalIgnoreCase))
                .Select(name => name!)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
        }
        catch (PasswordSafeException)
        {
            return new string[0];
        }
    }

    /// <summary>A PSCredential by default; a SecureString or, only when asked, plain text.</summary>
    internal void WriteSecret(string secret, string? userName, bool asSecureString, bool asPlainText)
    {
        if (asPlainText)
        {
            WriteObject(secret);
            return;
        }

        var secure = SecureStringReader.FromPlainText(secret);
        WriteObject(asSecureString ? (object)secure : new PSCredential(string.IsNullOrEmpty(userName) ? "(unknown)" : userName, secure));
    }

    internal void EnsureOneOutputForm(bool asSecureString, bool asPlainText)
    {
        if (asSecureString && asPlainText)
        {
            ThrowTerminatingError(CreateErrorRecord(new PasswordSafeException(ErrorIds.ValidationFailed,
                "-AsSecureString and -AsPlainText cannot be used together.", "Pass one of them, or neither for a PSCredential."), null));
        }
    }

    /// <summary>One item failed; the rest of the pipeline goes on.</summary>
    internal void WriteItemError(PasswordSafeException exception, object? target) => WriteError(CreateErrorRecord(exception, target));

    internal static string Describe(string? systemName, string? accountName) => $"{systemName}\\{accountName}";

    /// <summary>
    /// A piped account object, but only when the ids in use are its own (typed -SystemId/-AccountId win over piped
    /// properties, and then the object's names would describe another account).
    /// </summary>
    internal static ManagedAccount? PipedAccount(ManagedAccount? piped, int systemId, int accountId) =>
        piped != null && piped.SystemId == systemId && piped.AccountId == accountId ? piped : null;

    internal static string DescribeIds(int systemId, int accountId) =>
        $"account {accountId.ToString(System.Globalization.CultureInfo.InvariantCulture)} on system {systemId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
