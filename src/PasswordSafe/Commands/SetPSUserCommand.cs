using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using PasswordSafe.Admin;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// Changes a BeyondInsight user (names, e-mail, password) or an application user (name, access policy)
/// with <c>PUT Users/{id}</c> (api-v3 §6.6); values not given keep their current value.
/// </summary>
[Cmdlet(VerbsCommon.Set, "PSUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(User))]
public sealed class SetPSUserCommand : AdminCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public int UserId { get; set; }

    /// <summary>Not [ValidateNotNullOrEmpty]: an empty Import-Csv cell is a name not given; a typed empty name is refused below.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? UserName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? FirstName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? LastName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? EmailAddress { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SecureString? Password { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int AccessPolicyId { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>A piped user gives its id only: its other properties are its current values, not changes.</summary>
    internal override IReadOnlyCollection<string>? ObjectKeyParameters { get; } = new[] { nameof(UserId) };

    protected override void ProcessItem()
    {
        TryItem(() =>
        {
            if (UserName != null && UserName.Trim().Length == 0)
            {
                throw AdminErrors.Invalid("-UserName cannot be empty.", "Pass the new name, or leave -UserName out to keep the current one.");
            }

            RequireASetting(UserService.Describe(UserId));
            var service = new UserService(Connect());
            var current = Run((log, token) => service.GetAsync(UserId, log, token));
            var accessPolicy = MyInvocation.BoundParameters.ContainsKey(nameof(AccessPolicyId)) ? AccessPolicyId : (int?)null;
            var changed = ChangedFields.Of(UserBody.Updatable, Changes(accessPolicy), UserBody.Baseline(current)).Select(f => f.ParameterName).ToList();
            var what = PipedTargetName.Describe(UserService.Describe(UserId), current.UserName);
            // The body (and its checks of the user type) only for a change: a directory user listed in a CSV with its
            // current values changes nothing, and is no error.
            var body = changed.Count == 0 ? null
                : UserBody.ForUpdate(current, UserName, FirstName, LastName, EmailAddress, SecureStringReader.ToPlainText(Password), accessPolicy);
            if (!ShouldUpdate(what, changed, current, PassThru))
            {
                return;
            }

            var updated = Run((log, token) => service.UpdateAsync(UserId, body!, log, token));
            if (PassThru)
            {
                WriteObject(updated);
            }
        }, UserId);
    }

    /// <summary>The values given, by field name; the password stays a SecureString (it always counts as a change).</summary>
    private Dictionary<string, object?> Changes(int? accessPolicy)
    {
        var changes = new Dictionary<string, object?>();
        void Given(string field, object? value)
        {
            if (value != null)
            {
                changes[field] = value;
            }
        }

        Given("UserName", UserName);
        Given("FirstName", FirstName);
        Given("LastName", LastName);
        Given("EmailAddress", EmailAddress);
        Given("Password", Password);
        Given("AccessPolicyID", accessPolicy);
        return changes;
    }
}
