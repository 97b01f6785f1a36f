namespace PasswordSafe;

/// <summary>What Test-PSManagedAccountCredential -Detailed found for one account.</summary>
public enum CredentialTestOutcome
{
    /// <summary>The server says the stored credential works on the system.</summary>
    Passed,

    /// <summary>The server says the stored credential does not work on the system (it gives no reason).</summary>
    Failed,

    /// <summary>The test could not be run (the account is missing, the permission is lacking, ...): see Reason.</summary>
    NotTested,
}
