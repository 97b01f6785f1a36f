using System;
using System.Management.Automation;
using System.Threading;
using PasswordSafe.Http;
using PasswordSafe.Session;

namespace PasswordSafe.Internal;

/// <summary>
/// Import: refuses a PowerShell the module cannot run on (<see cref="RuntimeRequirement"/>), then registers the
/// dependency resolver before any Newtonsoft type is touched.
/// Remove: signs out this runspace's sessions, since Remove-Module cannot unload the assembly and
/// live server sessions would otherwise linger until their idle timeout.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly TimeSpan SignOutTimeout = TimeSpan.FromSeconds(5);

    public void OnImport()
    {
        // First: on PowerShell 7.0/7.1 nothing of the module can work, and the user should hear why at Import-Module.
        RuntimeRequirement.Ensure(ClrRuntime.Current);
        DependencyResolver.Register();
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        foreach (var session in SessionStore.Current.RemoveAll())
        {
            try
            {
                using var timeout = new CancellationTokenSource(SignOutTimeout);
                session.Connection.DisconnectAsync(RequestLog.Discard, timeout.Token).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is PasswordSafeException || e is OperationCanceledException || e is ObjectDisposedException)
            {
                // Best effort: the server ends the session at its idle timeout anyway.
            }
            finally
            {
                session.Connection.Dispose();
            }
        }
    }
}
