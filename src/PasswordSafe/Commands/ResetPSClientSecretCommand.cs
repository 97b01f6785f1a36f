using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// Recycles an application user's client secret (spec C5): the old secret stops working at once. Returns the
/// user with the new client id/secret in ClientCredential (shown once) and the new ClientSecretExpiryDate (C6).
/// </summary>
[Cmdlet(VerbsCommon.Reset, "PSClientSecret", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(User))]
public sealed class ResetPSClientSecretCommand : AdminCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public int[] UserId { get; set; } = new int[0];

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessItem()
    {
        var service = new UserService(Connect());
        foreach (var id in UserId)
        {
            if (!ShouldChange(PipedTargetName.UserTarget(PipedObject, id), "Recycle the client secret (the old secret stops working at once)", Force))
            {
                continue;
            }

            TryItem(() =>
            {
                var issued = RunOnceOnly((log, token) => service.RecycleClientSecretAsync(id, log, token), out var callLog);
                var user = issued.User;
                if (issued.ClientSecret == null)
                {
                    throw new Http.PasswordSafeException(Internal.ErrorIds.InvalidServerResponse,
                        $"The server recycled the client secret of {UserService.Describe(id)} but did not return the new one.",
                        "Recycle it again, or read it in the BeyondInsight console.");
                }

                user.ClientCredential = new PSCredential(user.ClientId ?? user.UserName ?? UserService.Describe(id), issued.ClientSecret);
                WriteOnceOnlyResult(user,
                    $"The previous client secret of '{user.UserName}' no longer works (spec C5). Store the new one (ClientCredential) now: it is shown only once.",
                    callLog);
            }, id);
        }
    }
}
