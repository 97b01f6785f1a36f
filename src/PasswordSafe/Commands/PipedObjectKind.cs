using System;
using System.Collections.Generic;

namespace PasswordSafe.Commands;

/// <summary>
/// What an object this module writes is, in the words a refusal uses (<see cref="AcceptedPipedObjects"/>): "a permission a
/// user group holds (Get-PSUserGroupPermission)", and which cmdlets act on such an object itself, for the advice. Keyed
/// by the type's full name, so a deserialized copy (Import-Clixml, a job's output) is the same kind.
/// </summary>
internal sealed class PipedObjectKind
{
    private static readonly Dictionary<string, PipedObjectKind> Kinds = new Dictionary<string, PipedObjectKind>(StringComparer.Ordinal)
    {
        [typeof(UserGroupPermission).FullName!] = new PipedObjectKind("a permission a user group holds (Get-PSUserGroupPermission)",
            "To take this permission away from its group, pipe it into Revoke-PSUserGroupPermission"),
        [typeof(SmartRuleRoleGrant).FullName!] = new PipedObjectKind("a user group's roles on a smart rule (Get-PSUserGroupRole)",
            "To take these roles away from the group, pipe it into Revoke-PSUserGroupRole"),
        [typeof(Request).FullName!] = new PipedObjectKind("a request (Get-PSRequest, New-PSRequest)",
            "To end this request, pipe it into Complete-PSRequest (your own) or Deny-PSRequest (as its approver)"),
        [typeof(RequestSet).FullName!] = new PipedObjectKind("a request set (Get-PSRequestSet, New-PSRequestSet)",
            "To end its requests, pipe its Requests into Complete-PSRequest"),
        [typeof(AccessSession).FullName!] = new PipedObjectKind("a session ticket (New-PSAccessSession, New-PSAdminSession)",
            "To end this session, pipe it into Stop-PSAccessSession"),
        [typeof(AccessSessionInfo).FullName!] = new PipedObjectKind("a session (Get-PSAccessSession)",
            "To lock or end this session, pipe it into Lock-PSAccessSession or Stop-PSAccessSession"),
        [typeof(CredentialTestResult).FullName!] = new PipedObjectKind("a credential test result (Test-PSManagedAccountCredential -Detailed)",
            "To change the password of an account that failed its test, pipe the result into Start-PSManagedAccountPasswordChange or Set-PSManagedAccountCredential"),
        [typeof(ApiRegistrationKey).FullName!] = new PipedObjectKind("an API registration's key (Get-PSApiRegistrationKey -Detailed)",
            "To rotate this key, pipe it into Reset-PSApiRegistrationKey"),
        [typeof(ApiRegistration).FullName!] = new PipedObjectKind("an API registration (Get-PSApiRegistration)",
            "API registrations are changed with Set-PSApiRegistration and removed with Remove-PSApiRegistration"),
        [typeof(PsrunRule).FullName!] = new PipedObjectKind("a PSRUN rule of an API registration", null),
        [typeof(AddressRule).FullName!] = new PipedObjectKind("an address rule of an API registration", null),
        [typeof(User).FullName!] = new PipedObjectKind("a user (Get-PSUser)",
            "Users are changed with Set-PSUser and removed with Remove-PSUser"),
        [typeof(UserGroup).FullName!] = new PipedObjectKind("a user group (Get-PSUserGroup)",
            "User groups are removed with Remove-PSUserGroup"),
        [typeof(Permission).FullName!] = new PipedObjectKind("a feature permission (Get-PSPermission)",
            "Permissions are given to and taken from groups with Grant-PSUserGroupPermission and Revoke-PSUserGroupPermission"),
        [typeof(AccessLevel).FullName!] = new PipedObjectKind("an access level (Get-PSAccessLevel)", null),
        [typeof(Role).FullName!] = new PipedObjectKind("a role (Get-PSRole)", null),
        [typeof(SmartRule).FullName!] = new PipedObjectKind("a smart rule (Get-PSSmartRule, Get-PSQuickRule)",
            "Roles on a rule are given with Grant-PSUserGroupRole and taken with Revoke-PSUserGroupRole"),
        [typeof(AccessPolicy).FullName!] = new PipedObjectKind("an access policy (Get-PSAccessPolicy)", null),
        [typeof(AccessPolicySchedule).FullName!] = new PipedObjectKind("a schedule of an access policy (its Schedules)", null),
        [typeof(AccessPolicyAccessType).FullName!] = new PipedObjectKind("an access type of an access policy's schedule (its AccessTypes)", null),
        [typeof(Workgroup).FullName!] = new PipedObjectKind("a workgroup (Get-PSWorkgroup)", null),
        [typeof(Platform).FullName!] = new PipedObjectKind("a platform (Get-PSPlatform)", null),
        [typeof(Asset).FullName!] = new PipedObjectKind("an asset (Get-PSAsset)",
            "Assets are changed with Set-PSAsset and removed with Remove-PSAsset"),
        [typeof(ManagedSystem).FullName!] = new PipedObjectKind("a managed system (Get-PSManagedSystem)",
            "Managed systems are changed with Set-PSManagedSystem and removed with Remove-PSManagedSystem"),
        [typeof(ManagedAccount).FullName!] = new PipedObjectKind("a managed account (Get-PSManagedAccount)",
            "Managed accounts are changed with Set-PSManagedAccount and removed with Remove-PSManagedAccount"),
        [typeof(ManagedAccountSettings).FullName!] = new PipedObjectKind("a managed account (Get-PSManagedAccount)",
            "Managed accounts are changed with Set-PSManagedAccount and removed with Remove-PSManagedAccount"),
        [typeof(ManagedAccountAlias).FullName!] = new PipedObjectKind("a managed account alias (Get-PSManagedAccountAlias)", null),
        [typeof(ManagedAccountAliasMapping).FullName!] = new PipedObjectKind("one of the accounts a managed account alias maps to (its MappedAccounts)", null),
    };

    private PipedObjectKind(string phrase, string? instead)
    {
        Phrase = phrase;
        Instead = instead;
    }

    /// <summary>What the object is, with the cmdlets that write it: "a request (Get-PSRequest, New-PSRequest)".</summary>
    public string Phrase { get; }

    /// <summary>The cmdlets that act on such an object itself, as a sentence without its full stop; null when there are none.</summary>
    public string? Instead { get; }

    /// <summary>The kind of a module type (by full name); a type not listed is named by its type name.</summary>
    public static PipedObjectKind Of(string typeName) =>
        Kinds.TryGetValue(typeName, out var kind) ? kind : new PipedObjectKind("an object of type " + typeName, null);

    /// <summary>Whether the type has words of its own here (the unit tests hold every public output type to it).</summary>
    public static bool IsListed(string typeName) => Kinds.ContainsKey(typeName);
}
