using System.Globalization;

namespace PasswordSafe;

/// <summary>
/// One account's result of Test-PSManagedAccountCredential -Detailed: which account (ids and names) and the outcome,
/// with the reason when it could not be tested, so the results of many piped accounts can be told apart, filtered and
/// exported. <c>AccountId</c> binds to the credential cmdlets by property name (Start-PSManagedAccountPasswordChange).
/// </summary>
public sealed class CredentialTestResult
{
    /// <summary>Null when neither the piped object nor a lookup could say.</summary>
    public int? SystemId { get; internal set; }

    public string? SystemName { get; internal set; }

    public int AccountId { get; internal set; }

    public string? AccountName { get; internal set; }

    public CredentialTestOutcome Outcome { get; internal set; }

    /// <summary>Why the account was not tested (the error's message, with the server's reason where it gave one); null otherwise.</summary>
    public string? Reason { get; internal set; }

    /// <summary>The stable error id of that failure (<c>ObjectNotFound</c>, <c>PermissionDenied</c>, ...); null otherwise.</summary>
    public string? ErrorId { get; internal set; }

    /// <summary>The session the account was tested with, so the next cmdlet in a pipeline uses the same one.</summary>
    public PasswordSafeSession? Session { get; internal set; }

    /// <summary><c>web01\Administrator: Passed</c>, or the ids where the names are not known.</summary>
    public override string ToString()
    {
        var system = SystemName ?? (SystemId is int id ? "system " + id.ToString(CultureInfo.InvariantCulture) : null);
        var account = AccountName ?? "account " + AccountId.ToString(CultureInfo.InvariantCulture);
        return (system == null ? account : system + "\\" + account) + ": " + Outcome;
    }
}
