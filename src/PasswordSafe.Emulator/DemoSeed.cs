namespace PasswordSafe.Emulator;

/// <summary>
/// Facts of the built-in demo seed (Seeds/demo.json), for tests and the README. Fixed on purpose: these are
/// published demo values for a local emulator, never credentials of a real server.
/// </summary>
public static class DemoSeed
{
    /// <summary>Registration 1 "Demo key": loopback only, no MFA, no password.</summary>
    public const int ApiKeyRegistrationId = 1;
    public const string ApiKey = "Cl6V6kqC8UykMUsNlNT2DCtr6JCIO37QcnYhP0W20QVfbH49zYEPFy4e0ZB0qFCfWX2bkj4dNnSbP5oYZrE3KgxTQUPysRsSs7067ZjudpDd832oyj9WqXbKTaCKA7p2";
    /// <summary>Registration 2 "Demo key with MFA": loopback range, MFA enforced.</summary>
    public const int MfaApiKeyRegistrationId = 2;
    public const string MfaApiKey = "Xlrx77yIH5IEVaDEsa2Mve5E8TVqtbMilaTdTiTWUwkEZdN61v0zGAJcHb3bqVmNI9j7Sa39HqTzehVoaRvTxv0kNHDMvAKHGZFuq6cAigTNezeuJVYmFW4nu9wEMZ54";
    /// <summary>Registration 3 "Automation": the ApiAccessPolicy of the application user.</summary>
    public const int AccessPolicyRegistrationId = 3;

    /// <summary>BeyondInsight user, member of "Administrators" (admin endpoints allowed).</summary>
    public const string RunAs = "demo";
    public const string RunAsPassword = "Demo-Passw0rd!";
    /// <summary>Active Directory user, not an administrator (admin endpoints → 403 4031).</summary>
    public const string DirectoryRunAs = @"CONTOSO\jdoe";
    public const string DirectoryRunAsUpn = "jdoe@contoso.test";
    public const string DirectoryRunAsPassword = "Jdoe-Passw0rd!";
    /// <summary>Challenge-style 2FA (used with <see cref="MfaApiKey"/>).</summary>
    public const string ChallengeUser = "mfa-user";
    public const string ChallengePrompt = "Enter the code from your token";
    public const string ChallengeAnswer = "123456";
    /// <summary>Push-style 2FA, approved.</summary>
    public const string PushUser = "push-user";
    /// <summary>Application (OAuth) user bound to registration 3.</summary>
    public const string ApplicationUser = "ci-bot";
    public const string ClientId = "dd10c1ae-368d-4c82-a721-f1cb06a68080";
    public const string ClientSecret = "tgJKoud9GulIonvKpNsw8FQQ7O9zzOJp4zk2BYwy";
    public const int ApiUsersGroupId = 1;
    public const int AdministratorsGroupId = 2;

    // ---- checkout (E1–E4) ------------------------------------------------------------------------
    /// <summary>Approver of the demo accounts (group 3); cannot request.</summary>
    public const string ApproverUser = "approver";
    public const string ApproverPassword = "Approver-Passw0rd!";
    /// <summary>ISA role on web01/Administrator and lnx01/deploy (group 4).</summary>
    public const string IsaUser = "isa-user";
    public const string IsaPassword = "Isa-Passw0rd!";
    public const int ApproversGroupId = 3;
    public const int IsaGroupId = 4;

    /// <summary>web01\Administrator: auto-approved, View and RDP (policy 1); also ISA (rule 3).</summary>
    public const int WindowsSystemId = 1;
    public const string WindowsSystemName = "web01";
    public const int WindowsAccountId = 1;
    public const string WindowsAccountName = "Administrator";
    public const string WindowsAccountPassword = "Web01-Admin-Passw0rd!";
    /// <summary>db01 sa: policy 2, one approver and a reason needed.</summary>
    public const int DatabaseSystemId = 2;
    public const string DatabaseSystemName = "db01";
    public const int DatabaseAccountId = 2;
    public const string DatabaseAccountName = "sa";
    public const string DatabaseAccountPassword = "Db01-Sa-Passw0rd!";
    /// <summary>CONTOSO\svc-backup on contoso.test: domain-linked, named DOMAIN\name or by UPN.</summary>
    public const int DomainSystemId = 3;
    public const string DomainSystemName = "contoso.test";
    public const int DomainAccountId = 3;
    public const string DomainAccountName = "svc-backup";
    public const string DomainAccountQualifiedName = @"CONTOSO\svc-backup";
    public const string DomainAccountUpn = "svc-backup@contoso.test";
    public const string DomainAccountPassword = "SvcBackup-Passw0rd!";
    /// <summary>lnx01 root: password, DSS key and passphrase.</summary>
    public const int LinuxSystemId = 4;
    public const string LinuxSystemName = "lnx01";
    public const int LinuxAccountId = 4;
    public const string LinuxAccountName = "root";
    public const string LinuxAccountPassword = "Lnx01-Root-Passw0rd!";
    public const string LinuxAccountPrivateKey = "-----BEGIN OPENSSH PRIVATE KEY-----\nZW11bGF0b3IgZGVtbyBrZXksIG5vdCBhIHJlYWwga2V5\n-----END OPENSSH PRIVATE KEY-----\n";
    public const string LinuxAccountPassphrase = "Root-Key-Passphrase!";
    /// <summary>app01 payroll-api: application account, ApplicationID 1 "Payroll".</summary>
    public const int ApplicationSystemId = 5;
    public const int ApplicationAccountId = 5;
    public const string ApplicationAccountName = "payroll-api";
    public const int ApplicationId = 1;
    public const string ApplicationDisplayName = "Payroll";
    /// <summary>web01 legacy-svc: not API-enabled, never listed nor requestable.</summary>
    public const int NotApiEnabledAccountId = 6;
    /// <summary>lnx01 deploy: only isa-user (ISA) can reach it.</summary>
    public const int IsaOnlyAccountId = 7;
    public const string IsaOnlyAccountName = "deploy";
    public const string IsaOnlyAccountPassword = "Deploy-Passw0rd!";
    /// <summary>Alias "web-admin" (Highly Available): web01 Administrator preferred, lnx01 root available.</summary>
    public const int RequestableAliasId = 1;
    public const string RequestableAliasName = "web-admin";
    /// <summary>Alias "db-admin" (Unmapped, state 0): db01 sa preferred, but it cannot be requested.</summary>
    public const int UnmappedAliasId = 2;
    public const string UnmappedAliasName = "db-admin";
    /// <summary>Accounts demo/jdoe see in GET ManagedAccounts (1, 2, 3, 4, 5).</summary>
    public const int RequestorVisibleAccountCount = 5;
}
