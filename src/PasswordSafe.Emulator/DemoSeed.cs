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
}
