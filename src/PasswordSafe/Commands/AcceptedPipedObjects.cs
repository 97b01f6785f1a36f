using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Admin;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// Which module objects each state-changing admin cmdlet takes from the pipeline: its own type and the documented
/// sources (Get-PSUserGroup | Remove-PSUserGroup), plus rows (Import-Csv, [pscustomobject], Select-Object) and anything
/// else that is not this module's. Every other module object is refused with InputNotUsable before anything is sent.
/// Objects that belong to another (a group's permission grants and roles, a request or session on an account, a test
/// result) carry their owner's id, GroupId, AccountId, UserId, AssetId, and bound it by property name: piped into
/// Remove-PSUserGroup a permission grant deleted its whole group, once per grant. Stop-PSRequest refuses requests and
/// sessions in the same spirit, with the same InputNotUsable and its own advice. AdminCmdlet asks <see cref="Refuses"/> before each piped record reaches ProcessItem.
/// </summary>
internal sealed class AcceptedPipedObjects
{
    private static readonly Dictionary<Type, AcceptedPipedObjects> ByCmdlet = new Dictionary<Type, AcceptedPipedObjects>();

    private readonly HashSet<string> _accepted;
    private readonly Func<AdminCmdlet, string> _targets;

    static AcceptedPipedObjects()
    {
        Add<RemovePSUserGroupCommand>("a user group", "user groups (Get-PSUserGroup) and rows with a GroupId", "remove", "removed",
            c => Each(c.GroupId, id => PipedTargetName.UserGroupTarget(c.PipedObject, id)), typeof(UserGroup));
        Add<RemovePSUserCommand>("a user", "users (Get-PSUser) and rows with a UserId", "remove", "removed",
            c => Each(c.UserId, id => PipedTargetName.UserTarget(c.PipedObject, id)), typeof(User));
        Add<RemovePSManagedAccountCommand>("a managed account", "managed accounts (Get-PSManagedAccount) and rows with an AccountId", "remove", "removed",
            c => Each(c.AccountId, id => PipedTargetName.ManagedAccountTarget(c.PipedObject, id)), typeof(ManagedAccount), typeof(ManagedAccountSettings));
        Add<RemovePSManagedSystemCommand>("a managed system", "managed systems (Get-PSManagedSystem) and rows with a ManagedSystemId", "remove", "removed",
            c => Each(c.ManagedSystemId, id => PipedTargetName.ManagedSystemTarget(c.PipedObject, id)), typeof(ManagedSystem));
        Add<RemovePSAssetCommand>("an asset", "assets (Get-PSAsset) and rows with an AssetId", "remove", "removed",
            c => Each(c.AssetId, id => PipedTargetName.AssetTarget(c.PipedObject, id)), typeof(Asset));
        Add<RemovePSApiRegistrationCommand>("an API registration", "API registrations (Get-PSApiRegistration) and rows with a RegistrationId", "remove", "removed",
            c => Each(c.RegistrationId, id => PipedTargetName.ApiRegistrationTarget(c.PipedObject, id)), typeof(ApiRegistration));
        Add<RemovePSUserGroupMemberCommand>("a user or a user group", "users (Get-PSUser), user groups (Get-PSUserGroup) and rows with a UserId and GroupId",
            "remove", "removed", c => $"{Users(c.UserId, c.PipedObject)} from {PipedTargetName.UserGroupTarget(c.PipedObject, c.GroupId)}", typeof(User), typeof(UserGroup));
        Add<AddPSUserGroupMemberCommand>("a user or a user group", "users (Get-PSUser), user groups (Get-PSUserGroup) and rows with a UserId and GroupId",
            "add", "added", c => $"{Users(c.UserId, c.PipedObject)} to {PipedTargetName.UserGroupTarget(c.PipedObject, c.GroupId)}", typeof(User), typeof(UserGroup));
        Add<BlockPSUserCommand>("a user", "users (Get-PSUser) and rows with a UserId", "quarantine", "quarantined",
            c => Users(c.UserId, c.PipedObject), typeof(User));
        Add<ResetPSClientSecretCommand>("a user", "users (Get-PSUser) and rows with a UserId", "recycle the client secret of", "recycled the client secret of",
            c => Users(c.UserId, c.PipedObject), typeof(User));
        Add<ResetPSApiRegistrationKeyCommand>("an API registration or its key",
            "API registrations (Get-PSApiRegistration), their keys (Get-PSApiRegistrationKey -Detailed) and rows with a RegistrationId",
            "rotate the key of", "rotated the key of",
            c => Each(c.RegistrationId, id => PipedTargetName.ApiRegistrationTarget(c.PipedObject, id)), typeof(ApiRegistration), typeof(ApiRegistrationKey));
        Add<SetPSManagedAccountCredentialCommand>("a managed account or its credential test result",
            "managed accounts (Get-PSManagedAccount), credential test results (Test-PSManagedAccountCredential -Detailed) and rows with an AccountId",
            "set the credentials of", "set the credentials of",
            c => Each(c.AccountId, id => PipedTargetName.ManagedAccountTarget(c.PipedObject, id)),
            typeof(ManagedAccount), typeof(ManagedAccountSettings), typeof(CredentialTestResult));
        Add<GrantPSUserGroupPermissionCommand>("a user group, a permission or a group's permission",
            "user groups (Get-PSUserGroup), permissions (Get-PSPermission), a group's permissions (Get-PSUserGroupPermission) and rows",
            "grant permissions to", "granted permissions to", c => Group(c, c.GroupId, c.GroupName),
            typeof(UserGroup), typeof(Permission), typeof(UserGroupPermission));
        Add<RevokePSUserGroupPermissionCommand>("a user group, a permission or a group's permission",
            "user groups (Get-PSUserGroup), permissions (Get-PSPermission), a group's permissions (Get-PSUserGroupPermission) and rows",
            "revoke permissions of", "revoked permissions of", c => Group(c, c.GroupId, c.GroupName),
            typeof(UserGroup), typeof(Permission), typeof(UserGroupPermission));
        Add<GrantPSUserGroupRoleCommand>("a user group, a smart rule or a group's roles on a rule",
            "user groups (Get-PSUserGroup), smart and quick rules (Get-PSSmartRule, New-PSQuickRule), a group's roles (Get-PSUserGroupRole) and rows with a GroupId and SmartRuleId",
            "grant roles to", "granted roles to", c => Rule(c.GroupId, c.SmartRuleId, c.PipedObject),
            typeof(UserGroup), typeof(SmartRule), typeof(SmartRuleRoleGrant));
        Add<RevokePSUserGroupRoleCommand>("a user group, a smart rule or a group's roles on a rule",
            "a group's roles (Get-PSUserGroupRole), user groups (Get-PSUserGroup), smart and quick rules (Get-PSSmartRule) and rows with a GroupId and SmartRuleId",
            "revoke roles of", "revoked roles of", c => Rule(c.GroupId, c.SmartRuleId, c.PipedObject),
            typeof(UserGroup), typeof(SmartRule), typeof(SmartRuleRoleGrant));
        Add<SetPSUserCommand>("a user", "users (Get-PSUser) and rows with a UserId", "change", "changed",
            c => PipedTargetName.UserTarget(c.PipedObject, c.UserId), typeof(User));
        Add<SetPSManagedAccountCommand>("a managed account", "managed accounts (Get-PSManagedAccount) and rows with an AccountId", "change", "changed",
            c => PipedTargetName.ManagedAccountTarget(c.PipedObject, c.AccountId), typeof(ManagedAccount), typeof(ManagedAccountSettings));
        Add<SetPSManagedSystemCommand>("a managed system", "managed systems (Get-PSManagedSystem) and rows with a ManagedSystemId", "change", "changed",
            c => PipedTargetName.ManagedSystemTarget(c.PipedObject, c.ManagedSystemId), typeof(ManagedSystem));
        Add<SetPSAssetCommand>("an asset", "assets (Get-PSAsset) and rows with an AssetId", "change", "changed",
            c => PipedTargetName.AssetTarget(c.PipedObject, c.AssetId), typeof(Asset));
        Add<StartPSManagedAccountPasswordChangeCommand>("a managed account or its credential test result",
            "managed accounts (Get-PSManagedAccount), credential test results (Test-PSManagedAccountCredential -Detailed) and rows with an AccountId",
            "change the password of", "changed the password of",
            c => Each(c.AccountId, id => PipedTargetName.ManagedAccountTarget(c.PipedObject, id)),
            typeof(ManagedAccount), typeof(ManagedAccountSettings), typeof(CredentialTestResult));
        Add<SetPSApiRegistrationCommand>("an API registration", "API registrations (Get-PSApiRegistration) and rows with a RegistrationId", "change", "changed",
            c => PipedTargetName.ApiRegistrationTarget(c.PipedObject, c.RegistrationId), typeof(ApiRegistration));
    }

    private AcceptedPipedObjects(string noun, string takes, string verb, string past, Func<AdminCmdlet, string> targets, Type[] accepted)
    {
        Noun = noun;
        Takes = takes;
        Verb = verb;
        Past = past;
        _targets = targets;
        _accepted = new HashSet<string>(accepted.Select(t => t.FullName!), StringComparer.Ordinal);
    }

    /// <summary>What the cmdlet acts on, with its article: "a user group".</summary>
    public string Noun { get; }

    /// <summary>What it takes from the pipeline: "user groups (Get-PSUserGroup) and rows with a GroupId".</summary>
    public string Takes { get; }

    /// <summary>What it does, before its targets: "remove", "grant permissions to".</summary>
    public string Verb { get; }

    /// <summary><see cref="Verb"/> in the past: "removed".</summary>
    public string Past { get; }

    /// <summary>The module types it takes, by full name.</summary>
    public IReadOnlyCollection<string> Accepted => _accepted;

    /// <summary>The cmdlet types the table covers (the unit tests hold each state-changing admin cmdlet to it).</summary>
    public static IEnumerable<Type> Cmdlets => ByCmdlet.Keys;

    /// <summary>The entry of a cmdlet type; null for a cmdlet the table does not cover.</summary>
    public static AcceptedPipedObjects? For(Type cmdletType) => ByCmdlet.TryGetValue(cmdletType, out var entry) ? entry : null;

    /// <summary>
    /// True, after writing InputNotUsable with the piped object as target, when the record being processed is a module
    /// object this cmdlet does not take; then the cmdlet skips it. False for rows, the accepted types, a piped session
    /// (which gives only itself) and without pipeline input.
    /// </summary>
    public static bool Refuses(AdminCmdlet cmdlet)
    {
        var record = cmdlet.PipedRecord;
        var typeName = record == null ? null : ModuleTypeName(record);
        if (typeName == null || typeName == typeof(PasswordSafeSession).FullName)
        {
            return false;
        }

        var entry = For(cmdlet.GetType())
                    ?? throw new InvalidOperationException($"{cmdlet.GetType().Name} is not in the table of accepted piped objects.");
        if (entry._accepted.Contains(typeName))
        {
            return false;
        }

        cmdlet.WriteError(cmdlet.CreateErrorRecord(entry.Refusal(cmdlet, record!, typeName), record));
        return true;
    }

    /// <summary>
    /// The module type a record is (its full name, "PasswordSafe.Request"), for a live object and for a deserialized copy
    /// ("Deserialized.PasswordSafe.Request"); null for rows and objects of other assemblies.
    /// </summary>
    public static string? ModuleTypeName(PSObject record)
    {
        var type = record.BaseObject.GetType();
        if (type.Assembly == typeof(AcceptedPipedObjects).Assembly)
        {
            return type.FullName;
        }

        const string deserialized = "Deserialized.";
        var name = record.TypeNames.FirstOrDefault(t => t.StartsWith(deserialized + "PasswordSafe.", StringComparison.Ordinal));
        return name?.Substring(deserialized.Length);
    }

    /// <summary>The refusal: what the object is, what the cmdlet would have done with the ids it carries, what to pipe instead.</summary>
    internal PasswordSafeException Refusal(AdminCmdlet cmdlet, PSObject record, string typeName)
    {
        var command = cmdlet.MyInvocation.MyCommand.Name;
        var kind = PipedObjectKind.Of(typeName);
        var taken = TakenFromRecord(cmdlet, record);
        var targets = _targets(cmdlet);
        var carried = taken.Count == 0 ? string.Empty : $"taken its {PipedRecordRules.Names(taken.Select(t => t.Property), "and")} and ";
        var message = $"The piped {Describe(record)} is {kind.Phrase}, not {Noun}: {command} would have {carried}{Past} {targets}. "
                      + "The object was skipped; nothing was sent.";

        var instead = kind.Instead == null ? string.Empty : kind.Instead + ". ";
        var explicitly = taken.Count == 0 ? string.Empty
            : $"; to {Verb} {targets} anyway, pass {string.Join(" ", taken.Select(t => $"-{t.Parameter} $_.{t.Property}"))}";
        return new PasswordSafeException(ErrorIds.InputNotUsable, message, $"{instead}{command} takes {Takes}{explicitly}.");
    }

    private static void Add<TCmdlet>(string noun, string takes, string verb, string past, Func<TCmdlet, string> targets, params Type[] accepted)
        where TCmdlet : AdminCmdlet =>
        ByCmdlet.Add(typeof(TCmdlet), new AcceptedPipedObjects(noun, takes, verb, past, c => targets((TCmdlet)c), accepted));

    /// <summary>The parameters the record itself bound (not typed, not -Session), each with the record's property it came from.</summary>
    private static List<(string Parameter, string Property)> TakenFromRecord(AdminCmdlet cmdlet, PSObject record) =>
        PipelineParameter.Of(cmdlet.GetType())
            .Where(p => p.TakesPipelineInput && !p.IsPlumbing && !string.Equals(p.Name, nameof(AdminCmdlet.Session), StringComparison.OrdinalIgnoreCase))
            .Where(p => cmdlet.MyInvocation.BoundParameters.ContainsKey(p.Name) && !cmdlet.GivenOnCommandLine(p.Name))
            .Select(p => (p.Name, Source: PipelineInput.SourceOf(record, p)))
            .Where(p => p.Source != null)
            .Select(p => (p.Name, p.Source!.Name))
            .ToList();

    private static string Each(IEnumerable<int> ids, Func<int, string> describe) => string.Join(", ", ids.Select(describe));

    private static string Users(IEnumerable<int> ids, object? piped) => Each(ids, id => PipedTargetName.UserTarget(piped, id));

    /// <summary>The group of a permission cmdlet: by name when -GroupName was given, else by id.</summary>
    private static string Group(AdminCmdlet cmdlet, int id, string name) =>
        cmdlet.MyInvocation.BoundParameters.ContainsKey("GroupName") ? $"user group '{name}'" : PipedTargetName.UserGroupTarget(cmdlet.PipedObject, id);

    private static string Rule(int groupId, int smartRuleId, object? piped) =>
        $"{PipedTargetName.UserGroupTarget(piped, groupId)} on {PipedTargetName.SmartRuleTarget(piped, smartRuleId)}";

    /// <summary>The piped object as messages name it: its type and text, "PasswordSafe.Request 'web01\Administrator (RDP)'".</summary>
    private static string Describe(PSObject record)
    {
        var type = record.TypeNames.FirstOrDefault() ?? record.BaseObject.GetType().FullName!;
        var text = record.ToString();
        return string.IsNullOrEmpty(text) || text == type ? type : $"{type} '{text}'";
    }
}
