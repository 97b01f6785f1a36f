using System.Linq;
using System.Management.Automation;
using PasswordSafe.Checkout;

namespace PasswordSafe.Commands;

/// <summary>
/// The cmdlets that create a request for one account (New-PSRequest, Use-PSCredential): the request options only
/// <c>POST Requests</c> (api-v3 §3.2) takes, the request body built from them and the account, and the alias sets that
/// request through <c>POST Aliases/{id}/Requests</c> instead (by id, piped alias, or name).
/// </summary>
public abstract class RequestingCmdlet : RequestOptionsCmdlet
{
    protected const string ByAliasIdSet = "ByAliasId";
    protected const string ByAliasNameSet = "ByAliasName";

    /// <summary>
    /// Request through this alias (piped aliases bind it by name); the server picks its preferred account. Also taken,
    /// hidden and unused, in the by-id set: a row that names the account by ids and carries an AliasId too (a request
    /// read back from the list) then binds the account's set alone, where it would fit both sets. With the by-name set as
    /// the default, PowerShell keeps the by-id and alias sets open for piped rows, so an alias row with a duration binds
    /// the alias set (with by-id as the default it latched onto it and asked for SystemId and AccountId).
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = ByAliasIdSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true, DontShow = true)]
    public int AliasId { get; set; }

    /// <summary>Request through the alias of this exact name (looked up with <c>GET Aliases?name=</c>).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByAliasNameSet)]
    [ArgumentCompleter(typeof(AliasNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string AliasName { get; set; } = string.Empty;

    /// <summary>
    /// Pipeline plumbing, hidden: a piped alias object, so -WhatIf, errors and the output can name it and its default
    /// duration applies (see AccountTargetCmdlet.InputObject for why it is not a set of its own).
    /// </summary>
    [Parameter(ParameterSetName = ByAliasIdSet, ValueFromPipeline = true, DontShow = true)]
    public ManagedAccountAlias? InputAlias { get; set; }

    [Parameter]
    public int? AccessPolicyScheduleId { get; set; }

    [Parameter]
    public SwitchParameter RotateOnCheckin { get; set; }

    [Parameter]
    [ValidateSet("Reuse", "Renew", IgnoreCase = true)]
    public string? ConflictOption { get; set; }

    /// <summary>
    /// The body of <c>POST Requests</c>: the account's ids when it is known (else the typed ones), and the typed
    /// duration, else the account's default release duration, else <see cref="FallbackDurationMinutes"/>.
    /// </summary>
    internal NewRequestSpec RequestSpec(string accessType, int? applicationId, ManagedAccount? account) => new NewRequestSpec
    {
        SystemId = account?.SystemId ?? SystemId,
        AccountId = account?.AccountId ?? AccountId,
        AccessType = accessType,
        ApplicationId = applicationId,
        Reason = Reason,
        TicketSystemId = TicketSystemId,
        TicketNumber = TicketNumber,
        AccessPolicyScheduleId = AccessPolicyScheduleId,
        ConflictOption = ConflictOption,
        RotateOnCheckin = RotateOnCheckin.IsPresent ? true : (bool?)null,
        DurationMinutes = DurationFor(account),
    };

    /// <summary>True when the call names an alias rather than an account.</summary>
    internal bool ByAlias => ParameterSetName == ByAliasIdSet || ParameterSetName == ByAliasNameSet;

    /// <summary>How -WhatIf and errors name the alias before it is looked up.</summary>
    internal string DescribeAliasTarget() =>
        PipedAlias() is { } piped ? DescribeAlias(piped)
        : ParameterSetName == ByAliasNameSet ? $"alias '{AliasName}'"
        : CheckoutClient.AliasDescription(AliasId);

    /// <summary>
    /// The alias the call is for, when known: by name the one the server has (else AliasNotFound); by id the piped alias
    /// object, if that is what the id came from; a typed id without -DurationMinutes is read (<c>GET Aliases/{id}</c>)
    /// for its default release duration, as a name or a piped alias gives it; else null (the id alone is enough to request).
    /// </summary>
    internal ManagedAccountAlias? TargetAlias(CheckoutClient client) =>
        ParameterSetName == ByAliasNameSet
            ? Run((log, token) => client.GetAliasesAsync(AliasName, log, token)).FirstOrDefault() ?? throw CheckoutErrors.AliasNotFound(DescribeAliasTarget())
            : PipedAlias() ?? (DurationMinutes > 0 ? null : Run((log, token) => client.GetAliasAsync(AliasId, log, token)));

    /// <summary>
    /// The body of <c>POST Aliases/{id}/Requests</c>: the typed duration, else the alias's default release duration
    /// (its preferred account's), else <see cref="RequestOptionsCmdlet.FallbackDurationMinutes"/>.
    /// </summary>
    internal NewRequestSpec AliasRequestSpec(string accessType, ManagedAccountAlias? alias)
    {
        var spec = RequestSpec(accessType, null, null);
        if (DurationMinutes <= 0 && alias != null && alias.DefaultReleaseDuration > 0)
        {
            spec.DurationMinutes = alias.DefaultReleaseDuration;
        }

        return spec;
    }

    internal static string DescribeAlias(ManagedAccountAlias alias) => $"alias '{alias.AliasName}'";

    private ManagedAccountAlias? PipedAlias() =>
        ParameterSetName == ByAliasIdSet && InputAlias != null && InputAlias.AliasId == AliasId ? InputAlias : null;
}
