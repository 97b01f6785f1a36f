using System.Threading.Tasks;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>A call started ahead of time (the next listing page), with the log its lines go to until the cmdlet writes them.</summary>
internal sealed class PendingCall<T>
{
    public PendingCall(Task<T> task, RequestLog log)
    {
        Task = task;
        Log = log;
    }

    public Task<T> Task { get; }

    public RequestLog Log { get; }

    /// <summary>For a call nobody will wait for any more: its failure (usually the cancellation) must not go unobserved.</summary>
    public void Abandon() =>
        Task.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
}
