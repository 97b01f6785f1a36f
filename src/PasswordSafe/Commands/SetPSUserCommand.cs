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

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? UserName { get; set; }

    [Parameter]
    public string? FirstName { get; set; }

    [Parameter]
    public string? LastName { get; set; }

    [Parameter]
    public string? EmailAddress { get; set; }

    [Parameter]
    public SecureString? Password { get; set; }

    [Parameter]
    public int AccessPolicyId { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessItem()
    {
        TryItem(() =>
        {
            var service = new UserService(Connect());
            var current = Run((log, token) => service.GetAsync(UserId, log, token));
            var accessPolicy = MyInvocation.BoundParameters.ContainsKey(nameof(AccessPolicyId)) ? AccessPolicyId : (int?)null;
            var body = UserBody.ForUpdate(current, UserName, FirstName, LastName, EmailAddress, SecureStringReader.ToPlainText(Password), accessPolicy);
            if (!ShouldProcess($"{UserService.Describe(UserId)} ('{current.UserName}')", "Update"))
            {
                return;
            }

            var updated = Run((log, token) => service.UpdateAsync(UserId, body, log, token));
            if (PassThru)
            {
                WriteObject(updated);
            }
        }, UserId);
    }
}
