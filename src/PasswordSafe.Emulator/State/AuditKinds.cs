namespace PasswordSafe.Emulator;

/// <summary>The values of <see cref="AuditEntry.Kind"/>.</summary>
public static class AuditKinds
{
    public const string SignInSucceeded = "SignInSucceeded";
    public const string SignInFailed = "SignInFailed";
    public const string ChallengeIssued = "ChallengeIssued";
    public const string SignedOut = "SignedOut";
    /// <summary>A call with a live session cookie came from an address its registration does not admit (B6).</summary>
    public const string SessionCallRefused = "SessionCallRefused";
    public const string TokenIssued = "TokenIssued";
    public const string TokenRejected = "TokenRejected";
    public const string TokenRevoked = "TokenRevoked";
    public const string ApiKeyRead = "ApiKeyRead";
    public const string ApiKeyRotated = "ApiKeyRotated";
    public const string ClientSecretRecycled = "ClientSecretRecycled";
    // Checkout (E1–E4): who did what to which request or account; never a credential.
    public const string RequestCreated = "RequestCreated";
    public const string RequestReused = "RequestReused";
    public const string RequestApproved = "RequestApproved";
    public const string RequestDenied = "RequestDenied";
    public const string RequestCanceled = "RequestCanceled";
    public const string RequestCheckedIn = "RequestCheckedIn";
    public const string RequestExpired = "RequestExpired";
    public const string RequestTerminated = "RequestTerminated";
    public const string RotateOnCheckinSet = "RotateOnCheckinSet";
    public const string CredentialRead = "CredentialRead";
    public const string PasswordRotated = "PasswordRotated";
    public const string SessionCreated = "SessionCreated";
    public const string IsaCredentialRead = "IsaCredentialRead";
    public const string IsaSessionCreated = "IsaSessionCreated";
    public const string AdminSessionCreated = "AdminSessionCreated";
    public const string SessionLocked = "SessionLocked";
    public const string SessionTerminated = "SessionTerminated";
    public const string SessionConnected = "SessionConnected";
    public const string SessionLoggedOff = "SessionLoggedOff";
    // Administration (A1–A7, C2, C5, C6, E5): who changed what, never a secret.
    public const string ApiRegistrationCreated = "ApiRegistrationCreated";
    public const string ApiRegistrationUpdated = "ApiRegistrationUpdated";
    public const string ApiRegistrationDeleted = "ApiRegistrationDeleted";
    public const string UserCreated = "UserCreated";
    public const string UserUpdated = "UserUpdated";
    public const string UserDeleted = "UserDeleted";
    public const string UserQuarantined = "UserQuarantined";
    public const string GroupMemberAdded = "GroupMemberAdded";
    public const string GroupMemberRemoved = "GroupMemberRemoved";
    public const string UserGroupCreated = "UserGroupCreated";
    public const string UserGroupDeleted = "UserGroupDeleted";
    public const string GroupPermissionsChanged = "GroupPermissionsChanged";
    public const string GroupRolesChanged = "GroupRolesChanged";
    public const string WorkgroupCreated = "WorkgroupCreated";
    public const string AssetCreated = "AssetCreated";
    public const string AssetUpdated = "AssetUpdated";
    public const string AssetDeleted = "AssetDeleted";
    public const string ManagedSystemCreated = "ManagedSystemCreated";
    public const string ManagedSystemUpdated = "ManagedSystemUpdated";
    public const string ManagedSystemDeleted = "ManagedSystemDeleted";
    public const string ManagedAccountCreated = "ManagedAccountCreated";
    public const string ManagedAccountUpdated = "ManagedAccountUpdated";
    public const string ManagedAccountDeleted = "ManagedAccountDeleted";
    public const string QuickRuleCreated = "QuickRuleCreated";
    public const string CredentialsSet = "CredentialsSet";
    public const string PasswordChangeQueued = "PasswordChangeQueued";
    public const string CredentialsTested = "CredentialsTested";
}
