/// Frees the call queues and agent pools of one replication when the replication ends.
///
/// This is a field of ``CallCenterSimulation`` and not that type's `deinit` because Swift 6.3's
/// runtime skips the `deinit` of a generic non-copyable struct whose fields are all plain data
/// once its metadata is built at run time (swiftlang/swift#89686): code compiled without
/// optimization (a debug build, the test targets) destroyed `CallCenterSimulation<NoObserver>`
/// without freeing them, leaking every replication's queues and pools. A non-generic field's
/// own `deinit` always runs.
struct ReplicationMemory: ~Copyable {
  /// One queue per routing queue.
  let queues: UnsafeMutableBufferPointer<CallQueue>
  /// One pool per agent group.
  let pools: UnsafeMutableBufferPointer<AgentPool>

  init(queues: UnsafeMutableBufferPointer<CallQueue>, pools: UnsafeMutableBufferPointer<AgentPool>) {
    self.queues = queues
    self.pools = pools
  }

  deinit {
    queues.deinitialize().deallocate()
    pools.deinitialize().deallocate()
  }
}
