namespace PasswordSafe.Emulator;

/// <summary>The account kinds GET ManagedAccounts filters on with <c>type=</c> (api-v3 §2.1).</summary>
public enum ManagedAccountType
{
    System,
    DomainLinked,
    Database,
    Cloud,
    Application,
}
