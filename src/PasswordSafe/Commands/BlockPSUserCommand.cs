using System.Linq;
using System.Management.Automation;
using PasswordSafe.Admin;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// Quarantines users (<c>POST Users/{id}/Quarantine</c>, api-v3 §6.6): they can no longer sign in, to the console or
/// the API, and their sessions end. Incident response, so it asks first unless -Force. Writes each user as the server
/// answers it (IsQuarantined set), as psPAS's user cmdlets write the API's answer. The API has no call that lifts a
/// quarantine; the help says how an administrator does it in the console.
/// </summary>
[Cmdlet(VerbsSecurity.Block, "PSUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(User))]
public sealed class BlockPSUserCommand : AdminCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByNameSet = "ByName";

    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public int[] UserId { get; set; } = new int[0];

    /// <summary>
    /// One user's exact name: <c>user</c>, or <c>domain\user</c> or the UPN for directory users. No wildcards: a name that
    /// has <c>* ? [ ]</c> is given escaped (<c>'web`[1`]'</c>), as Tab inserts it.
    /// </summary>
    [Parameter(ParameterSetName = ByNameSet, Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [WildcardSyntax]
    [ArgumentCompleter(typeof(ServerNameCompleter<UserNameList>))]
    public string UserName { get; set; } = string.Empty;

    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Pipeline plumbing, hidden: the piped user itself, so -WhatIf and the confirmation can name it.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    protected override void ProcessItem()
    {
        var service = new UserService(Connect());
        if (ParameterSetName == ByNameSet)
        {
            User? named = null;
            if (TryItem(() => named = Named(service), UserName))
            {
                Quarantine(service, named!.UserId, named.UserName, UserName);
            }

            return;
        }

        foreach (var id in UserId)
        {
            Quarantine(service, id, InputObject?.BaseObject is User user && user.UserId == id ? user.UserName : null, id);
        }
    }

    private void Quarantine(UserService service, int id, string? name, object target)
    {
        var text = UserService.Describe(id) + (string.IsNullOrEmpty(name) ? string.Empty : " (" + name + ")");
        if (!ShouldChange(text, "Quarantine: the user can no longer sign in, and its sessions end", Force))
        {
            return;
        }

        TryItem(() => WriteObject(Run((log, token) => service.QuarantineAsync(id, text, log, token))), target);
    }

    /// <summary>The one user the name stands for, inactive users included; ObjectNotFound when none, a list when several.</summary>
    private User Named(UserService service)
    {
        if (WildcardPattern.ContainsWildcardCharacters(UserName))
        {
            throw AdminErrors.Invalid($"-UserName '{UserName}' has wildcard characters; Block-PSUser quarantines users by their exact name only.",
                "To quarantine several users, list them first (Get-PSUser -UserName 'pattern'), check the list, then pipe it into Block-PSUser. " +
                "A name that has * ? [ ] is given escaped with backticks in single quotes ('web`[1`]'), as Tab inserts it.");
        }

        // The server answers a name with its matches in whichever form was given (name, domain\user, UPN).
        var exact = WildcardPattern.Unescape(UserName);
        var matches = Run((log, token) => service.ListAsync(exact, includeInactive: true, log, token)).ToList();
        if (matches.Count == 1)
        {
            return matches[0];
        }

        if (matches.Count == 0)
        {
            throw new PasswordSafeException(ErrorIds.ObjectNotFound, $"No user named '{exact}' was found.",
                "Check the name: a directory user as domain\\user or its UPN. Get-PSUser lists the users.");
        }

        throw AdminErrors.Invalid($"-UserName '{UserName}' names {matches.Count} users: " +
                                  string.Join(", ", matches.Select(u => $"{QualifiedName(u)} (id {Id(u.UserId)})")) + ".",
            "Pass -UserId with the id of the one to quarantine.");
    }

    private static string QualifiedName(User user) =>
        string.IsNullOrEmpty(user.DomainName) ? user.UserName ?? string.Empty : user.DomainName + "\\" + user.UserName;
}
