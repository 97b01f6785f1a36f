using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using PasswordSafe.Session;

namespace PasswordSafe.Commands;

/// <summary>
/// The thin base of every cmdlet: it resolves the session, owns the cancellation that Ctrl+C triggers,
/// runs calls on the pipeline thread (writing their Verbose/Debug lines there), and builds ErrorRecords.
/// </summary>
public abstract class PasswordSafeCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

    /// <summary>Cancelled by StopProcessing (Ctrl+C): aborts sockets and retry waits.</summary>
    protected CancellationToken StopToken => _stopping.Token;

    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>The explicit session, else this runspace's default; terminates with NotConnected when there is neither.</summary>
    internal PasswordSafeSession ResolveSession(PasswordSafeSession? explicitSession)
    {
        var session = explicitSession ?? SessionStore.Current.Default;
        if (session == null)
        {
            ThrowTerminatingError(CreateErrorRecord(new PasswordSafeException(ErrorIds.NotConnected,
                "There is no Password Safe session in this runspace.",
                "Run Connect-PasswordSafe first, or pass a session with -Session."), null));
        }

        session!.Connection.NoteCommand(MyInvocation.MyCommand.Name);
        return session;
    }

    /// <summary>
    /// Runs an async call to completion on the pipeline thread. Its log lines are written afterwards
    /// from this thread; Ctrl+C surfaces as PipelineStoppedException, never as an error record.
    /// </summary>
    internal T Run<T>(Func<RequestLog, CancellationToken, Task<T>> call)
    {
        var log = new RequestLog();
        try
        {
            return call(log, StopToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (ObjectDisposedException e)
        {
            // Another runspace disconnected the session while this call was using it.
            throw new PasswordSafeException(ErrorIds.NotConnected, "The session was disconnected while the call ran.",
                "Run Connect-PasswordSafe to start a new session.", e);
        }
        finally
        {
            if (!StopToken.IsCancellationRequested)
            {
                WriteLog(log);
            }
        }
    }

    internal void Run(Func<RequestLog, CancellationToken, Task> call) =>
        Run<bool>(async (log, token) =>
        {
            await call(log, token).ConfigureAwait(false);
            return true;
        });

    /// <summary>
    /// An ErrorRecord with the stable id, the contract's category, the item as target, and details
    /// that say what to do.
    /// </summary>
    internal static ErrorRecord CreateErrorRecord(PasswordSafeException exception, object? target)
    {
        var record = new ErrorRecord(exception, exception.ErrorId, ErrorCategories.For(exception.ErrorId), target);
        var message = exception.RecommendedAction == null ? exception.Message : EndSentence(exception.Message) + " " + exception.RecommendedAction;
        record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = exception.RecommendedAction };
        return record;
    }

    // Server messages often lack a final period; the action must still read as its own sentence.
    private static string EndSentence(string text) =>
        text.Length == 0 || ".!?".IndexOf(text[text.Length - 1]) >= 0 ? text : text + ".";

    private void WriteLog(RequestLog log)
    {
        foreach (var line in log.Drain())
        {
            if (line.Key)
            {
                WriteVerbose(line.Value);
            }
            else
            {
                WriteDebug(line.Value);
            }
        }
    }
}
