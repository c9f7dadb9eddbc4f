using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Platform.Storage.Sqlite;

/// <summary>
/// The one writer of a SQLite database: a dedicated thread runs every write, and the writes that queued while one
/// transaction committed are committed together in the next (group commit). Microsoft.Data.Sqlite's async methods
/// run synchronously, so writes made on grain turns blocked the silo's scheduler threads on fsync and on SQLite's
/// write lock (turns of several seconds with 1000 pods); here they block only this thread, and a burst of writes
/// costs one fsync.
/// </summary>
internal sealed partial class SqliteWriter : IDisposable
{
    /// <summary>Bounds one transaction, so the first writer of a long burst does not wait for the whole burst.</summary>
    private const int MostPerTransaction = 256;

    private readonly BlockingCollection<Write> queue = [];
    private readonly string connectionString;
    private readonly ILogger logger;
    private readonly Thread thread;

    public SqliteWriter(string connectionString, ILogger logger)
    {
        this.connectionString = connectionString;
        this.logger = logger;
        thread = new Thread(Run) { IsBackground = true, Name = "sqlite-writer" };
        thread.Start();
    }

    /// <summary>
    /// Runs one statement in the next transaction; completes with the number of rows it changed once that
    /// transaction has committed (so a caller that saw it complete reads it back), or with its error.
    /// </summary>
    public Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        var write = new Write(sql, parameters, new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            queue.Add(write);
        }
        catch (InvalidOperationException)
        {
            return Task.FromException<int>(new ObjectDisposedException(nameof(SqliteWriter)));
        }

        return write.Done.Task;
    }

    /// <summary>Takes no more writes, commits those already queued, and stops the thread.</summary>
    public void Dispose()
    {
        queue.CompleteAdding();
        thread.Join();
        queue.Dispose();
    }

    private void Run()
    {
        SqliteConnection? connection = null;
        var batch = new List<Write>(MostPerTransaction);
        foreach (var first in queue.GetConsumingEnumerable())
        {
            batch.Add(first);
            while (batch.Count < MostPerTransaction && queue.TryTake(out var next))
            {
                batch.Add(next);
            }

            try
            {
                connection ??= Open();
                Commit(connection, batch);
            }
            catch (Exception e)
            {
                // The whole transaction failed (the disk, a lock held past the busy timeout): every write of it
                // fails, and the connection is opened afresh for the next.
                LogCommitFailed(e, batch.Count);
                Fail(batch, e);
                connection?.Dispose();
                connection = null;
            }

            batch.Clear();
        }

        connection?.Dispose();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = FULL;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>
    /// One transaction for the batch. A statement that fails (SQLite undoes just that statement) fails only its own
    /// write; the others commit.
    /// </summary>
    private static void Commit(SqliteConnection connection, List<Write> batch)
    {
        var outcomes = new (int Rows, Exception? Error)[batch.Count];
        using (var transaction = connection.BeginTransaction())
        {
            for (var i = 0; i < batch.Count; i++)
            {
                outcomes[i] = Execute(connection, transaction, batch[i]);
            }

            transaction.Commit();
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i].Error is { } error)
            {
                batch[i].Done.TrySetException(error);
            }
            else
            {
                batch[i].Done.TrySetResult(outcomes[i].Rows);
            }
        }
    }

    private static (int Rows, Exception? Error) Execute(SqliteConnection connection, SqliteTransaction transaction, Write write)
    {
        try
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = write.Sql;
            foreach (var (name, value) in write.Parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            return (command.ExecuteNonQuery(), null);
        }
        catch (SqliteException e)
        {
            return (0, e);
        }
    }

    private static void Fail(List<Write> batch, Exception error)
    {
        foreach (var write in batch)
        {
            write.Done.TrySetException(error);
        }
    }

    [LoggerMessage(LogLevel.Error, "A SQLite transaction of {Count} grain state write(s) failed; each of them fails")]
    private partial void LogCommitFailed(Exception e, int count);

    private sealed record Write(string Sql, (string Name, object Value)[] Parameters, TaskCompletionSource<int> Done);
}
