using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace PasswordSafe.Emulator;

/// <summary>
/// Replaces the console lifetime so an in-process emulator never hooks Ctrl+C or SIGTERM (tests start dozens);
/// the CLI handles those signals itself and disposes the server.
/// </summary>
internal sealed class QuietHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
